/** Office errors → an Error carrying the Vietnamese message for the user and the Office code. */
import { classifyExcelError, officeErrorCode, toUserMessage, type ExcelErrorKind } from "../i18n/excel";

export { toUserMessage } from "../i18n/excel";

export class ExcelUserError extends Error {
  readonly kind: ExcelErrorKind;
  readonly code: string | undefined;
  readonly userMessage: string;
  constructor(readonly original: unknown) {
    const message = toUserMessage(original);
    super(message);
    this.name = "ExcelUserError";
    this.userMessage = message;
    this.kind = classifyExcelError(original);
    this.code = officeErrorCode(original);
  }
}

/** Run `fn`; any failure is rethrown as an ExcelUserError (already-wrapped errors pass through). */
export async function withUserErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ExcelUserError) throw err;
    throw new ExcelUserError(err);
  }
}
