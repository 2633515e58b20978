/**
 * The CLI's ways out: stdout written whole and synchronously (a full pipe waits, a closed one ends the
 * output quietly), control characters shown as escapes, and the atomic writer that counts every byte and
 * says a full disk in one line.
 */
import * as fs from "fs";
import * as path from "path";
import { checkOutputPath, writeFileAtomic, type WriteOps } from "../../src/cli/files";
import { CliError, visibleControls, visibleIO, writeAllSync } from "../../src/cli/io";
import { makeTempDir, removeTempDir } from "../support/xlsx-builder";

const errno = (code: string) => Object.assign(new Error(code), { code });

describe("writeAllSync", () => {
  it("writes everything across short writes and a full pipe (EAGAIN: waits, then goes on)", () => {
    const got: number[] = [];
    let calls = 0;
    const write = ((_fd: number, buf: Uint8Array, off: number, len: number) => {
      calls++;
      if (calls === 2) throw errno("EAGAIN");
      const n = Math.min(len, 3);
      got.push(...buf.subarray(off, off + n));
      return n;
    }) as unknown as typeof fs.writeSync;
    expect(writeAllSync(1, "xin chào", write)).toBe(true);
    expect(Buffer.from(got).toString("utf8")).toBe("xin chào");
  });

  it("returns false when the reader is gone (EPIPE), and throws anything else", () => {
    expect(
      writeAllSync(1, "x", (() => {
        throw errno("EPIPE");
      }) as unknown as typeof fs.writeSync),
    ).toBe(false);
    expect(() =>
      writeAllSync(1, "x", (() => {
        throw errno("EIO");
      }) as unknown as typeof fs.writeSync),
    ).toThrow("EIO");
  });
});

describe("visibleControls", () => {
  it("shows ESC, BEL, CR, DEL, C1 and bidi overrides as \\u escapes; keeps tab, line feed and letters", () => {
    expect(visibleControls("a\u001b[2Jb\u0007\r\u007f\u009b\u202e\u2066")).toBe("a\\u001B[2Jb\\u0007\\u000D\\u007F\\u009B\\u202E\\u2066");
    expect(visibleControls("Phòng Kinh tế\tdòng\nmới")).toBe("Phòng Kinh tế\tdòng\nmới");
  });

  it("leaves JSON valid and equal (the escapes are JSON's own)", () => {
    const value = { s: "x\u009by\u202ez\u007f" };
    expect(JSON.parse(visibleControls(JSON.stringify(value)))).toEqual(value);
  });

  it("applies to both streams of an IO", () => {
    const seen: string[] = [];
    const io = visibleIO({ stdout: (t) => seen.push(t), stderr: (t) => seen.push(t) });
    io.stdout("\u001b");
    io.stderr("\u001b");
    expect(seen).toEqual(["\\u001B", "\\u001B"]);
  });

  it("keeps the streams it wraps for the door's own drawing (consolidate's progress bar on a terminal)", () => {
    const raw = { stdout: () => undefined, stderr: () => undefined };
    expect(visibleIO(raw).raw).toBe(raw);
    expect(visibleIO(visibleIO(raw)).raw).toBe(raw);
  });
});

describe("writeFileAtomic and checkOutputPath", () => {
  let dir: string;
  beforeEach(() => (dir = makeTempDir("phuluc-io-")));
  afterEach(() => removeTempDir(dir));

  /** fs, with writes to the temporary file failing as `fail` says after `take` bytes. */
  function disk(take: number, fail: "ENOSPC" | "EDQUOT" | "zero"): WriteOps {
    let taken = 0;
    return {
      ...fs,
      writeSync: ((fd: number, buf: Uint8Array, off: number, len: number) => {
        if (taken >= take) {
          if (fail === "zero") return 0;
          throw errno(fail);
        }
        const n = Math.min(len, take - taken, 64);
        taken += n;
        return fs.writeSync(fd, buf, off, n);
      }) as unknown as typeof fs.writeSync,
    };
  }

  it.each(["ENOSPC", "EDQUOT", "zero"] as const)("a disk that fills up (%s): one line, nothing at OUT, no temporary file", (fail) => {
    const out = path.join(dir, "out.xlsx");
    let err: unknown;
    try {
      writeFileAtomic(out, new Uint8Array(5000).fill(7), disk(1000, fail));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toMatch(/ổ đĩa đã đầy/);
    expect((err as Error).message).not.toMatch(/\n/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("short writes are continued until every byte is written", () => {
    const out = path.join(dir, "out.bin");
    const bytes = new Uint8Array(3000).map((_, i) => i % 251);
    writeFileAtomic(out, bytes, disk(1e9, "ENOSPC"));
    expect(Buffer.compare(fs.readFileSync(out), Buffer.from(bytes))).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(["out.bin"]);
  });

  it("an old file at OUT stays as it was when the new one cannot be written", () => {
    const out = path.join(dir, "out.xlsx");
    fs.writeFileSync(out, "old");
    expect(() => writeFileAtomic(out, new Uint8Array(100), disk(10, "ENOSPC"))).toThrow(CliError);
    expect(fs.readFileSync(out, "utf8")).toBe("old");
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("refuses a symlink, a FIFO, a device and a directory as OUT", () => {
    const target = path.join(dir, "t.txt");
    fs.writeFileSync(target, "t");
    const link = path.join(dir, "l.xlsx");
    fs.symlinkSync(target, link);
    expect(() => checkOutputPath(link, [])).toThrow(/liên kết tượng trưng/);
    expect(() => checkOutputPath("/dev/null", [])).toThrow(/không phải tệp thường/);
    expect(() => checkOutputPath(dir, [])).toThrow(/Không phải một tệp/);
    expect(() => checkOutputPath(path.join(dir, "new.xlsx"), [])).not.toThrow();
    expect(() => checkOutputPath(target, [])).not.toThrow();
  });
});
