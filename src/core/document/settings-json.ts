/**
 * The JSON of `phuluc settings FILE --json` (a contract, checked by its schema in the tests): the settings
 * as stored, the identity the documents use (and what the workbook says), the unit list the analysis
 * uses, and the list the plan's lead column proposes when most leads match nothing.
 */
import { z } from "zod";
import { SettingsSchema, UnitDefSchema } from "../settings";
import { UnitProposalSchema } from "../report-schema";
import { DocumentIdentitySchema } from "./identity";

export const SettingsJsonSchema = z.object({
  settings: SettingsSchema,
  identity: DocumentIdentitySchema,
  /** The unit list leads are matched against (the settings', or the default list of the commune's kind). */
  units: z.array(UnitDefSchema),
  unitProposal: UnitProposalSchema.nullable(),
  /** The command wrote these settings into the copy (-o). */
  written: z.boolean(),
});
export type SettingsJson = z.infer<typeof SettingsJsonSchema>;
