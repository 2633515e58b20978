/** Office errors → one clear Vietnamese sentence (src/i18n/excel.ts). */
import { classifyExcelError, excelTexts, toUserMessage } from "../../src/i18n/excel";
import { ExcelUserError, withUserErrors } from "../../src/excel/errors";
import { FakeOfficeError } from "../fakes/fake-excel";

describe("toUserMessage", () => {
  test.each([
    ["InvalidOperationInCellEditMode", "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi thử lại."],
    ["AccessDenied", excelTexts.protectedSheet],
    ["ApiNotFound", excelTexts.apiUnsupported],
    ["RequestPayloadSizeLimitExceeded", excelTexts.payloadTooLarge],
    ["ItemNotFound", excelTexts.itemNotFound],
    ["GeneralException", excelTexts.generalException],
  ])("%s", (code, message) => {
    expect(toUserMessage(new FakeOfficeError(code, "english text"))).toBe(message);
    // OfficeExtension.Error also carries the code in debugInfo
    expect(toUserMessage({ name: "RichApi.Error", message: "x", debugInfo: { code } })).toBe(message);
  });

  test("a protected-sheet error reported as InvalidOperation is recognised by its message", () => {
    expect(
      classifyExcelError(new FakeOfficeError("InvalidOperation", "The cell or chart you're trying to change is on a protected sheet.")),
    ).toBe("protectedSheet");
  });

  test("unknown errors keep their detail in a Vietnamese sentence; odd values never throw", () => {
    expect(toUserMessage(new Error("boom"))).toBe("Có lỗi khi làm việc với Excel: boom. Hãy thử lại.");
    for (const v of [undefined, null, 42, "text", {}, []]) expect(typeof toUserMessage(v)).toBe("string");
  });

  test("withUserErrors wraps once, keeping the code", async () => {
    const err = await withUserErrors(() => Promise.reject(new FakeOfficeError("AccessDenied"))).catch((e) => e);
    expect(err).toBeInstanceOf(ExcelUserError);
    expect([err.code, err.kind, err.message]).toEqual(["AccessDenied", "protectedSheet", excelTexts.protectedSheet]);
    const again = await withUserErrors(() => Promise.reject(err)).catch((e) => e);
    expect(again).toBe(err);
    expect(toUserMessage(err)).toBe(excelTexts.protectedSheet);
  });
});
