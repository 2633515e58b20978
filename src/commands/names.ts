/** The ribbon's ExecuteFunction names (manifest.xml <FunctionName>), registered by commands.ts. */
export const COMMAND_NAMES = ["validateWorkbook", "buildSummary"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
