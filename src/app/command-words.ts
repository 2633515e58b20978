/**
 * Every command of the registry has its words in i18n (src/i18n/commands.ts): checked when compiling, so
 * that i18n needs nothing of app (a command missing from COMMAND_STRINGS fails here, not at run time).
 */
import { COMMAND_STRINGS, type CommandStrings } from "../i18n/commands";
import type { Lang } from "../core/lang";
import type { CommandId } from "./commands";

export const COMMAND_WORDS: { readonly [L in Lang]: { readonly [C in CommandId]: CommandStrings } } = COMMAND_STRINGS;
