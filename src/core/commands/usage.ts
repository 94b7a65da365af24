import type { CommandKind } from "./types.js";

const FREEZE = [
  "**`/freeze [for <duration>] [until <date-time>] [env <name>] [reason]`** — declare a change freeze.",
  "",
  "- `for 90m`, `for 2h`, `for 1h30m`, `for 3d`, `for 1w`: `m`/`h` are exact, `d`/`w` are calendar days and weeks in the configured time zone.",
  "- `until 2026-12-01 09:00`, `until 2026-12-01` (= through that whole day, to 2026-12-02 00:00, as a config freeze's `to:`), `until 2026-12-01T09:00+01:00`: a date is required; times without an offset are in the configured time zone.",
  "- Use `for` or `until`, not both. With neither, the freeze lasts until `/unfreeze`.",
  "- `env production` freezes one environment; without `env` everything is frozen.",
  "- Options come first, in any order; the rest of the line is the reason (at most 500 characters). Quote the reason if it starts with `for`, `until` or `env`.",
  "",
  'Examples: `/freeze for 2h hotfix in progress` · `/freeze until 2026-12-01 09:00 env production Black Friday` · `/freeze env staging "for the load test"`',
].join("\n");

const FREEZE_STATUS = [
  "**`/freeze status [env <name>]`** — report the active freezes (of one environment with `env`).",
  "",
  "Examples: `/freeze status` · `/freeze status env production`",
].join("\n");

const UNFREEZE = [
  "**`/unfreeze [env <name>] [reason]`** — lift the freeze (of one environment with `env`).",
  "",
  "Examples: `/unfreeze` · `/unfreeze env production release shipped`",
].join("\n");

const OVERRIDE = [
  "**`/override <reason>`** — break-glass: let this pull request merge or deploy during a freeze or outside a window. The reason is required (at most 500 characters) and is recorded.",
  "",
  "Example: `/override hotfix for INC-1234, approved by the on-call lead`",
].join("\n");

/** Usage text (Markdown) for each command, sent back with a parse error. */
export const USAGE: Readonly<Record<CommandKind, string>> = {
  freeze: FREEZE,
  "freeze-status": FREEZE_STATUS,
  unfreeze: UNFREEZE,
  override: OVERRIDE,
};

/** Full usage help (Markdown) listing every command with examples. */
export const COMMAND_USAGE = [
  "### change-gate commands",
  "",
  "Write the command at the start of the first line of a comment (quoted `>` lines are skipped; commands inside code blocks are ignored). Commands are case-insensitive; type the `/` as a plain slash.",
  "",
  FREEZE,
  "",
  FREEZE_STATUS,
  "",
  UNFREEZE,
  "",
  OVERRIDE,
].join("\n");
