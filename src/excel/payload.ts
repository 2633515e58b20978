/** Excel on the web refuses a sync whose request or response is over 5 MB, with one code per direction. */
import { officeErrorCode } from "../i18n/excel";

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** The sync was refused for its size (nothing of it applied): the caller may split it and retry. */
export function isPayloadTooLarge(err: unknown): boolean {
  return PAYLOAD_CODES.has(officeErrorCode(err) ?? "");
}

/** Request bytes queued so far: the caller syncs when its budget is reached. */
export interface ByteCounter {
  add(bytes: number): void;
  /** Called between operations: syncs when the queued request is over budget. */
  checkpoint(): Promise<void>;
}
