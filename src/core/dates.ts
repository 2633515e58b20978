/** Calendar helpers on ISO dates (YYYY-MM-DD) and Excel serials (1900 system). (Owner: parsers.) */

/** Excel serial (days since 1899-12-30, fractional part ignored) → ISO date; null if out of range. */
export function serialToIso(serial: number): string | null {
  throw new Error("not implemented");
}

export function isoToSerial(iso: string): number {
  throw new Error("not implemented");
}

/** True when an Excel number format displays a date (d, m, y tokens outside quotes/brackets). */
export function isDateFormat(fmt: string | null | undefined): boolean {
  throw new Error("not implemented");
}

/** ISO date for a valid y/m/d, else null (30/02 → null). */
export function makeIso(year: number, month: number, day: number): string | null {
  throw new Error("not implemented");
}

export function lastDayOfMonth(year: number, month: number): string {
  throw new Error("not implemented");
}

/** Whole days from a to b (b − a), both ISO. */
export function daysBetween(a: string, b: string): number {
  throw new Error("not implemented");
}

export function addDays(iso: string, days: number): string {
  throw new Error("not implemented");
}

/** "30/11/2026" → "2026-11-30"; accepts d/m/yyyy, d-m-yyyy, d.m.yyyy, yyyy-mm-dd; null otherwise. */
export function parseDateText(s: string): string | null {
  throw new Error("not implemented");
}

/** "2026-11-30" → "30/11/2026" (how Vietnamese users read dates). */
export function formatViDate(iso: string): string {
  throw new Error("not implemented");
}
