/** Errors thrown by the port (already Vietnamese, from src/i18n/excel.ts) or anything unexpected. */
import type { UiStrings } from "../i18n/ui";

export function errorMessage(err: unknown, t: UiStrings): string {
  if (err instanceof Error && err.message) return err.message;
  if (typeof err === "string" && err) return err;
  return t.errorUnexpected(String(err));
}
