/**
 * Tổng hợp nhiều xã: `phuluc consolidate DIR|FILES… -o TONG-HOP.xlsx` (its door's runner: src/cli/consolidate.ts)
 * and the web app's entry. The city's workbook (-o) and report (--report): its issuing body from the flags,
 * else from the settings kept in -o.
 */
import type { CommandDef } from "../../command";

export const consolidate = {
  id: "consolidate",
  cli: {
    name: "consolidate",
    inputs: "paths",
    options: ["asOf", "json", "lang", "out", "reportFile", "issuer", "parent", "plan", "signer", "signerTitle"],
    out: "required",
    output: "document",
    prints: "message",
  },
  loadMany: () => import(/* webpackChunkName: "consolidate" */ "../../use-cases/consolidate"),
} as const satisfies CommandDef;
