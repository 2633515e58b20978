/**
 * The one date module: ISO dates (YYYY-MM-DD), days between them, Excel serials (1900 system), the date
 * forms users type, and today's date. Pure: `todayIso` is given the clock's reading by its caller (the
 * doors read the clock; the core never does).
 */

// Days are counted with the proleptic Gregorian "days from civil" algorithm (no Date objects, no
// time zones). Day 0 = 1970-01-01.

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1];
}

function isoFromDays(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return pad4(y) + "-" + pad2(m) + "-" + pad2(d);
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid ISO date, or NaN. */
function isoDays(iso: string): number {
  const m = ISO_RE.exec(iso);
  if (!m) return NaN;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return daysFromCivil(y, mo, d);
}

/** 1899-12-30: serial 0 for every date from 1900-03-01 on (Excel's fake 29/02/1900 shifts the rest). */
const SERIAL_EPOCH = daysFromCivil(1899, 12, 30);
/** Largest serial Excel accepts: 9999-12-31. */
const MAX_SERIAL = 2958465;

/**
 * Excel serial (days since 1899-12-30, fractional part ignored) → ISO date; null if out of range.
 * The 1900 system repeats Lotus 1-2-3's bug: serial 60 is the non-existent 29/02/1900 (→ null),
 * serials 1–59 are 1900-01-01 … 1900-02-28, 61 is 1900-03-01. Serial 0 and negatives → null.
 */
export function serialToIso(serial: number): string | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return null;
  const n = Math.floor(serial);
  if (n < 1 || n > MAX_SERIAL || n === 60) return null;
  return isoFromDays(SERIAL_EPOCH + n + (n < 60 ? 1 : 0));
}

/** ISO date → Excel serial (inverse of serialToIso); NaN for an invalid date or one before 1900. */
export function isoToSerial(iso: string): number {
  const days = isoDays(iso);
  if (Number.isNaN(days)) return NaN;
  const n = days - SERIAL_EPOCH;
  if (n < 2) return NaN; // before 1900-01-01
  return n < 61 ? n - 1 : n;
}

// Number formats: strip what never holds date tokens, then look for d / y, or m without h / s.
const FMT_QUOTED = /"[^"]*"/g;
const FMT_BRACKETS = /\[[^\]]*\]/g;
const FMT_ESCAPES = /\\.|[_*]./g;
const FMT_DAY_YEAR = /[dy]/i;
const FMT_MONTH = /m/i;
const FMT_TIME = /[hs]/i;
const formatCache = new Map<string, boolean>();

/** True when an Excel number format displays a date (d, m, y tokens outside quotes/brackets). */
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const hit = formatCache.get(fmt);
  if (hit !== undefined) return hit;
  const lower = fmt.trim().toLowerCase();
  let result: boolean;
  if (lower === "general" || lower === "@") result = false;
  else {
    const body = fmt.replace(FMT_QUOTED, "").replace(FMT_BRACKETS, "").replace(FMT_ESCAPES, "");
    // a month-only token "m" next to h or s is minutes ("h:mm", "mm:ss"): not a date
    result = FMT_DAY_YEAR.test(body) || (FMT_MONTH.test(body) && !FMT_TIME.test(body));
  }
  if (formatCache.size > 1000) formatCache.clear();
  formatCache.set(fmt, result);
  return result;
}

/** ISO date for a valid y/m/d, else null (30/02 → null). Years 1–9999. */
export function makeIso(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return pad4(year) + "-" + pad2(month) + "-" + pad2(day);
}

/** Last day of a month as ISO ("2026-02-28"). Throws RangeError for a month outside 1–12. */
export function lastDayOfMonth(year: number, month: number): string {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`invalid month ${year}-${month}`);
  }
  return pad4(year) + "-" + pad2(month) + "-" + pad2(daysInMonth(year, month));
}

/** Whole days from a to b (b − a), both ISO. NaN when either is not a valid ISO date. */
export function daysBetween(a: string, b: string): number {
  return isoDays(b) - isoDays(a);
}

/** ISO date plus a whole number of days. Throws RangeError for an invalid ISO date. */
export function addDays(iso: string, days: number): string {
  const d = isoDays(iso);
  if (Number.isNaN(d)) throw new RangeError(`invalid ISO date ${iso}`);
  return isoFromDays(d + Math.trunc(days));
}

const DMY_RE = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
const YMD_RE = /^(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;

/**
 * "30/11/2026" → "2026-11-30"; accepts d/m/yyyy, d-m-yyyy, d.m.yyyy, yyyy-mm-dd (and yyyy/mm/dd);
 * the whole (trimmed) text must be the date; null otherwise, or for a day that does not exist.
 */
export function parseDateText(s: string): string | null {
  const t = s.trim();
  if (t.length < 8 || t.length > 16) return null;
  let m = DMY_RE.exec(t);
  if (m) return makeIso(+m[4], +m[3], +m[1]);
  m = YMD_RE.exec(t);
  if (m) return makeIso(+m[1], +m[3], +m[4]);
  return null;
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  return !Number.isNaN(isoDays(s));
}

/** The local calendar date of a clock reading, as ISO. Doors call it with `new Date()`. */
export function todayIso(now: Date): string {
  return pad4(now.getFullYear()) + "-" + pad2(now.getMonth() + 1) + "-" + pad2(now.getDate());
}

/**
 * A date as a user types it (a date picker's ISO, or "30/11/2026" where the browser shows a text box):
 * ISO, or null when it is not a real date.
 */
export function parseUserDate(s: string): string | null {
  const v = s.trim();
  if (isIsoDate(v)) return v;
  return parseDateText(v);
}
