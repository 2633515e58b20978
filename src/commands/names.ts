/** The ribbon's ExecuteFunction names (manifest.xml <FunctionName>): derived from the command registry. */
export { RIBBON_FUNCTION_NAMES as COMMAND_NAMES } from "../app/commands";
