export { parseCommand } from "./parse-command.js";
export type { Command, CommandKind, ParseOptions, ParseResult } from "./types.js";
export { COMMAND_USAGE, USAGE } from "./usage.js";
