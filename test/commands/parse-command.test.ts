import { describe, expect, it } from "vitest";
import { type Command, type CommandKind, parseCommand, USAGE } from "../../src/core/commands/index.js";

/** Friday 20 November 2026, 11:00 in Berlin (CET, UTC+1). */
const NOW = "2026-11-20T10:00:00.000Z";
const ZONE = "Europe/Berlin";

type Expected = null | { command: Command } | { error: string; usage: CommandKind };

interface Row {
  name: string;
  body: string;
  expected: Expected;
  now?: string;
  timezone?: string;
}

const freeze = (fields: Partial<Extract<Command, { kind: "freeze" }>> = {}): { command: Command } => ({
  command: { kind: "freeze", until: null, environment: null, reason: null, ...fields },
});
const unfreeze = (environment: string | null = null, reason: string | null = null): { command: Command } => ({
  command: { kind: "unfreeze", environment, reason },
});
const status = (environment: string | null = null): { command: Command } => ({
  command: { kind: "freeze-status", environment },
});
const override = (reason: string): { command: Command } => ({ command: { kind: "override", reason } });
const error = (usage: CommandKind, text: string): Expected => ({ error: text, usage });
const LOOKALIKE = "this looks like /freeze but uses look-alike characters";

const rows: Row[] = [
  // ---- plain /freeze, case and punctuation ----
  { name: "bare freeze", body: "/freeze", expected: freeze() },
  { name: "upper case", body: "/FREEZE", expected: freeze() },
  { name: "trailing period", body: "/Freeze.", expected: freeze() },
  { name: "trailing !!", body: "/freeze!!", expected: freeze() },
  { name: "leading whitespace", body: "   /freeze", expected: freeze() },
  { name: "leading blank lines", body: "\n\n   \n/freeze", expected: freeze() },
  {
    name: "colon after the command",
    body: "/freeze: Black Friday!",
    expected: freeze({ reason: "Black Friday!" }),
  },
  {
    name: "reason only",
    body: "/freeze Black Friday traffic",
    expected: freeze({ reason: "Black Friday traffic" }),
  },
  { name: "reason keeps its spacing", body: "/freeze  a   b ", expected: freeze({ reason: "a   b" }) },

  // ---- for <duration> ----
  {
    name: "for 2h",
    body: "/freeze for 2h",
    expected: freeze({ until: "2026-11-20T12:00:00.000Z", duration: "2h" }),
  },
  {
    name: "for 90m with reason",
    body: "/freeze for 90m hotfix in progress",
    expected: freeze({ until: "2026-11-20T11:30:00.000Z", duration: "90m", reason: "hotfix in progress" }),
  },
  {
    name: "for 1h30m",
    body: "/freeze for 1h30m",
    expected: freeze({ until: "2026-11-20T11:30:00.000Z", duration: "1h30m" }),
  },
  {
    name: "for 3d (calendar)",
    body: "/freeze for 3d",
    expected: freeze({ until: "2026-11-23T10:00:00.000Z", duration: "3d" }),
  },
  {
    name: "for 1w",
    body: "/freeze for 1w",
    expected: freeze({ until: "2026-11-27T10:00:00.000Z", duration: "1w" }),
  },
  {
    name: "for 2h.",
    body: "/freeze for 2h.",
    expected: freeze({ until: "2026-11-20T12:00:00.000Z", duration: "2h" }),
  },
  {
    name: "FOR 2H",
    body: "/FREEZE FOR 2H",
    expected: freeze({ until: "2026-11-20T12:00:00.000Z", duration: "2H" }),
  },

  // ---- until <date-time> ----
  {
    name: "until date and time (two words)",
    body: "/freeze until 2026-12-01 09:00",
    expected: freeze({ until: "2026-12-01T08:00:00.000Z" }),
  },
  {
    name: "until with T",
    body: "/freeze until 2026-12-01T09:00",
    expected: freeze({ until: "2026-12-01T08:00:00.000Z" }),
  },
  {
    name: "until date only = the whole day (next day 00:00 local), as a config freeze's `to`",
    body: "/freeze until 2026-12-01",
    expected: freeze({ until: "2026-12-01T23:00:00.000Z", wholeDay: "2026-12-01" }),
  },
  {
    name: "until today's date (date only) is the end of today, not the past",
    body: "/freeze until 2026-11-20.",
    expected: freeze({ until: "2026-11-20T23:00:00.000Z", wholeDay: "2026-11-20" }),
  },
  {
    name: "until date only in New York",
    body: "/freeze until 2026-12-01 env production",
    timezone: "America/New_York",
    expected: freeze({
      until: "2026-12-02T05:00:00.000Z",
      wholeDay: "2026-12-01",
      environment: "production",
    }),
  },
  {
    name: "until one-digit hour",
    body: "/freeze until 2026-12-01 9:00",
    expected: freeze({ until: "2026-12-01T08:00:00.000Z" }),
  },
  {
    name: "until ISO with offset",
    body: "/freeze until 2026-12-01T09:00+01:00",
    expected: freeze({ until: "2026-12-01T08:00:00.000Z" }),
  },
  {
    name: "until ISO Z",
    body: "/freeze until 2026-12-01T09:00Z",
    expected: freeze({ until: "2026-12-01T09:00:00.000Z" }),
  },
  {
    name: "until date + time with offset (two words)",
    body: "/freeze until 2026-12-01 09:00-05:00.",
    expected: freeze({ until: "2026-12-01T14:00:00.000Z" }),
  },
  {
    name: "until in New York",
    body: "/freeze until 2026-12-01 09:00",
    timezone: "America/New_York",
    expected: freeze({ until: "2026-12-01T14:00:00.000Z" }),
  },

  // ---- env and option order ----
  { name: "env", body: "/freeze env production", expected: freeze({ environment: "production" }) },
  {
    name: "environment keyword + reason",
    body: "/freeze environment prod-eu.1 Black Friday",
    expected: freeze({ environment: "prod-eu.1", reason: "Black Friday" }),
  },
  {
    name: "all options",
    body: "/freeze until 2026-12-01 09:00 env production Black Friday",
    expected: freeze({
      until: "2026-12-01T08:00:00.000Z",
      environment: "production",
      reason: "Black Friday",
    }),
  },
  {
    name: "options in another order",
    body: "/freeze ENV staging for 2h load test",
    expected: freeze({
      until: "2026-11-20T12:00:00.000Z",
      duration: "2h",
      environment: "staging",
      reason: "load test",
    }),
  },
  {
    name: "quoted reason may start with a keyword",
    body: '/freeze env staging "for the load test"',
    expected: freeze({ environment: "staging", reason: "for the load test" }),
  },
  {
    name: "curly quotes and period",
    body: "/freeze “Black Friday”.",
    expected: freeze({ reason: "Black Friday" }),
  },
  {
    name: "quoted reason may contain an option",
    body: "/freeze 'Black Friday for 2h'",
    expected: freeze({ reason: "Black Friday for 2h" }),
  },
  {
    name: "env as a plain word in the reason",
    body: "/freeze the env is down",
    expected: freeze({ reason: "the env is down" }),
  },
  {
    name: "tabs",
    body: "/freeze\tfor 2h\treason\twith tabs",
    expected: freeze({ until: "2026-11-20T12:00:00.000Z", duration: "2h", reason: "reason with tabs" }),
  },
  {
    name: "control and bidi characters removed",
    body: "/freeze bad\u0007 reason\u202e",
    expected: freeze({ reason: "bad reason" }),
  },
  {
    name: "reason of 500 characters",
    body: `/freeze ${"r".repeat(500)}`,
    expected: freeze({ reason: "r".repeat(500) }),
  },

  // ---- /freeze status ----
  { name: "status", body: "/freeze status", expected: status() },
  { name: "status!", body: "/freeze status!", expected: status() },
  { name: "STATUS env", body: "/FREEZE STATUS env production", expected: status("production") },
  {
    name: "status env missing value",
    body: "/freeze status env",
    expected: error("freeze-status", "`env` needs an environment name"),
  },
  {
    name: "status with text",
    body: "/freeze status please",
    expected: error("freeze-status", "`please` is not understood"),
  },
  {
    name: "status env twice",
    body: "/freeze status env a env b",
    expected: error("freeze-status", "`env` is given twice"),
  },

  // ---- /unfreeze ----
  { name: "unfreeze", body: "/unfreeze", expected: unfreeze() },
  { name: "unfreeze.", body: "/unfreeze.", expected: unfreeze() },
  {
    name: "unfreeze env + reason",
    body: "/unfreeze env production release shipped",
    expected: unfreeze("production", "release shipped"),
  },
  { name: "unfreeze reason", body: "/Unfreeze release shipped", expected: unfreeze(null, "release shipped") },
  {
    name: "unfreeze for 2h",
    body: "/unfreeze for 2h",
    expected: error("unfreeze", "`/unfreeze` does not take `for`"),
  },
  {
    name: "unfreeze env after reason",
    body: "/unfreeze done env staging",
    expected: error("unfreeze", "`env staging` is inside the reason"),
  },
  {
    name: "unfreeze bad env",
    body: "/unfreeze env prod/eu",
    expected: error("unfreeze", "`env prod/eu` is not an environment name"),
  },

  // ---- /override ----
  { name: "override", body: "/override hotfix for INC-1234", expected: override("hotfix for INC-1234") },
  { name: "OVERRIDE:", body: "/OVERRIDE: urgent security fix", expected: override("urgent security fix") },
  {
    name: "override without reason",
    body: "/override",
    expected: error("override", "`/override` needs a reason"),
  },
  { name: "override.", body: "/override.", expected: error("override", "`/override` needs a reason") },
  {
    name: "override empty quotes",
    body: '/override ""',
    expected: error("override", "`/override` needs a reason"),
  },
  {
    name: "override only control chars",
    body: "/override \u0000\u0001",
    expected: error("override", "`/override` needs a reason"),
  },
  {
    name: "override reason too long",
    body: `/override ${"x".repeat(501)}`,
    expected: error("override", "the reason is 501 characters long; keep it to 500"),
  },

  // ---- malformed /freeze ----
  { name: "for without value", body: "/freeze for", expected: error("freeze", "`for` needs a duration") },
  {
    name: "for tomorrow",
    body: "/freeze for tomorrow",
    expected: error("freeze", "`for tomorrow` is not a duration"),
  },
  {
    name: "for the holidays (strict for)",
    body: "/freeze for the holidays",
    expected: error("freeze", "`for the` is not a duration"),
  },
  { name: "for 0h", body: "/freeze for 0h", expected: error("freeze", "`for 0h` is not a duration") },
  { name: "for 2 days", body: "/freeze for 2 days", expected: error("freeze", "`for 2` is not a duration") },
  {
    name: "for huge",
    body: "/freeze for 99999999999w",
    expected: error("freeze", "`for 99999999999w` is too long"),
  },
  {
    name: "for and until",
    body: "/freeze for 2h until 2026-12-01",
    expected: error("freeze", "use either `for` or `until`, not both"),
  },
  {
    name: "until and for",
    body: "/freeze until 2026-12-01 for 2h",
    expected: error("freeze", "use either `for` or `until`, not both"),
  },
  { name: "for twice", body: "/freeze for 2h for 3h", expected: error("freeze", "`for` is given twice") },
  {
    name: "until twice",
    body: "/freeze until 2026-12-01 until 2026-12-02",
    expected: error("freeze", "`until` is given twice"),
  },
  {
    name: "until without value",
    body: "/freeze until",
    expected: error("freeze", "`until` needs a date-time"),
  },
  {
    name: "until yesterday",
    body: "/freeze until yesterday",
    expected: error("freeze", "`until yesterday` is not a date-time"),
  },
  {
    name: "until tomorrow 09:00",
    body: "/freeze until tomorrow 09:00",
    expected: error("freeze", "`until tomorrow` is not a date-time"),
  },
  {
    name: "until time only",
    body: "/freeze until 09:00",
    expected: error("freeze", "`until 09:00` needs a date as well"),
  },
  {
    name: "until 2026-02-30",
    body: "/freeze until 2026-02-30",
    expected: error("freeze", "`until 2026-02-30` is not a real date and time"),
  },
  {
    name: "until 25:00",
    body: "/freeze until 2026-12-01 25:00",
    expected: error("freeze", "`until 2026-12-01 25:00` is not a real date and time"),
  },
  {
    name: "until month 13",
    body: "/freeze until 2026-13-01",
    expected: error("freeze", "`until 2026-13-01` is not a real date and time"),
  },
  {
    name: "until ISO impossible",
    body: "/freeze until 2026-02-30T09:00Z",
    expected: error("freeze", "is not a real date and time"),
  },
  {
    name: "until = now",
    body: "/freeze until 2026-11-20 11:00",
    expected: error("freeze", "`until 2026-11-20 11:00` is in the past"),
  },
  {
    name: "until one minute ago",
    body: "/freeze until 2026-11-20 10:59",
    expected: error("freeze", "is in the past"),
  },
  {
    name: "until last year",
    body: "/freeze until 2025-12-01 09:00",
    expected: error("freeze", "`until 2025-12-01 09:00` is in the past"),
  },
  {
    name: "env without value",
    body: "/freeze env",
    expected: error("freeze", "`env` needs an environment name"),
  },
  {
    name: "env bad name",
    body: "/freeze env prod/eu",
    expected: error("freeze", "`env prod/eu` is not an environment name"),
  },
  {
    name: "env name too long",
    body: `/freeze env ${"a".repeat(101)}`,
    expected: error("freeze", "is not an environment name"),
  },
  { name: "env twice", body: "/freeze env a env b", expected: error("freeze", "`env` is given twice") },
  {
    name: "for after the reason",
    body: "/freeze Black Friday for 2h",
    expected: error("freeze", "`for 2h` is inside the reason"),
  },
  {
    name: "until after the reason",
    body: "/freeze Black Friday until 2026-12-01",
    expected: error("freeze", "`until 2026-12-01` is inside the reason"),
  },
  {
    name: "env after the reason",
    body: "/freeze Black Friday env production",
    expected: error("freeze", "`env production` is inside the reason"),
  },
  {
    name: "reason too long",
    body: `/freeze ${"r".repeat(501)}`,
    expected: error("freeze", "the reason is 501 characters long"),
  },
  {
    name: "unknown time zone",
    body: "/freeze for 2h",
    timezone: "Mars/Olympus",
    expected: error("freeze", 'time zone "Mars/Olympus" is unknown'),
  },
  {
    name: "unknown zone, no time needed",
    body: "/freeze env prod",
    timezone: "Mars/Olympus",
    expected: freeze({ environment: "prod" }),
  },

  // ---- not a command ----
  { name: "empty", body: "", expected: null },
  { name: "blank", body: "  \n\t\n", expected: null },
  { name: "plain text", body: "LGTM", expected: null },
  { name: "/freezer", body: "/freezer", expected: null },
  { name: "/freeze-all", body: "/freeze-all", expected: null },
  { name: "/freeze_all", body: "/freeze_all now", expected: null },
  { name: "/freeze.now", body: "/freeze.now", expected: null },
  { name: "/unfreezing", body: "/unfreezing", expected: null },
  { name: "/overrides", body: "/overrides", expected: null },
  { name: "slash then space", body: "/ freeze", expected: null },
  { name: "escaped slash", body: "\\/freeze", expected: null },
  { name: "command mid-sentence", body: "please /freeze for 2h", expected: null },
  { name: "command on the second line", body: "Looks good\n/freeze", expected: null },

  // ---- quotes, code fences, CRLF ----
  { name: "quoted command is skipped", body: "> /freeze for 2h\n\nWhy?", expected: null },
  { name: "only quotes", body: "> /freeze\n> /override now", expected: null },
  {
    name: "command after a quote",
    body: "> @alice wrote: can we freeze?\n>\n\n/freeze for 2h",
    expected: freeze({ until: "2026-11-20T12:00:00.000Z", duration: "2h" }),
  },
  { name: "indented quote marker", body: "  > /unfreeze\n/freeze status", expected: status() },
  { name: "backtick fence", body: "```\n/freeze for 2h\n```", expected: null },
  { name: "fence with info string", body: "```text\n/freeze\n```\n/freeze", expected: null },
  { name: "tilde fence", body: "~~~\n/freeze\n~~~", expected: null },
  { name: "fence after a quote", body: "> hi\n```\n/freeze\n```", expected: null },
  // Indented code is code, like fences (issue 14.10).
  { name: "4-space indented code block", body: "    /freeze for 2h", expected: null },
  { name: "tab-indented code block", body: "\t/freeze for 2h", expected: null },
  { name: "2 spaces and a tab indent code", body: "  \t/unfreeze", expected: null },
  { name: "indented code after a blank line", body: "\n\n    /override hotfix", expected: null },
  { name: "indented line continuing a quote", body: "> see\n    /freeze for 2h", expected: null },
  {
    name: "3-space indent is still a command",
    body: "   /freeze for 2h",
    expected: freeze({ until: "2026-11-20T12:00:00.000Z", duration: "2h" }),
  },
  {
    name: "no-break spaces do not indent",
    body: "\u00a0\u00a0\u00a0\u00a0/freeze status",
    expected: status(),
  },
  {
    name: "CRLF",
    body: "/freeze for 2h\r\nmore text\r\n",
    expected: freeze({ until: "2026-11-20T12:00:00.000Z", duration: "2h" }),
  },
  { name: "CRLF quote then unfreeze", body: "> quoted\r\n\r\n/unfreeze.\r\n", expected: unfreeze() },
  { name: "CRLF reason has no \\r", body: "/unfreeze shipped\r\n", expected: unfreeze(null, "shipped") },

  // ---- unicode look-alikes and invisible characters ----
  { name: "division slash U+2215", body: "∕freeze for 2h", expected: error("freeze", LOOKALIKE) },
  { name: "fullwidth solidus U+FF0F", body: "／freeze", expected: error("freeze", LOOKALIKE) },
  { name: "fraction slash U+2044", body: "⁄freeze", expected: error("freeze", LOOKALIKE) },
  { name: "big solidus U+29F8", body: "⧸freeze", expected: error("freeze", LOOKALIKE) },
  { name: "zero-width space in the word", body: "/fr\u200beeze", expected: error("freeze", LOOKALIKE) },
  {
    name: "zero-width joiner in the word",
    body: "/free\u200dze for 2h",
    expected: error("freeze", LOOKALIKE),
  },
  { name: "word joiner after the word", body: "/freeze\u2060 for 2h", expected: error("freeze", LOOKALIKE) },
  { name: "zero-width space before the slash", body: "\u200b/freeze", expected: error("freeze", LOOKALIKE) },
  { name: "Cyrillic e", body: "/fr\u0435\u0435ze", expected: error("freeze", LOOKALIKE) },
  { name: "fullwidth letters", body: "/ｆｒｅｅｚｅ", expected: error("freeze", LOOKALIKE) },
  {
    name: "look-alike unfreeze",
    body: "∕unfreeze",
    expected: error("unfreeze", "this looks like /unfreeze but uses look-alike"),
  },
  {
    name: "look-alike override",
    body: "／override deploy now",
    expected: error("override", "this looks like /override but uses look-alike"),
  },
  {
    name: "look-alike status",
    body: "/freeze \u0455tatus",
    expected: error("freeze-status", "looks like `status` but uses look-alike"),
  },
  {
    name: "look-alike for",
    body: "/freeze f\u03bfr 2h",
    expected: error("freeze", "looks like `for` but uses look-alike"),
  },
  { name: "look-alike of a non-command", body: "∕freezer", expected: null },
  { name: "look-alike slashes in prose", body: "∕∕ TODO", expected: null },

  // ---- time zones and DST (Europe/Berlin: 29 Mar 2026 02:00→03:00, 25 Oct 2026 03:00→02:00) ----
  {
    name: "for 1d across spring DST is a calendar day (23 h)",
    body: "/freeze for 1d",
    now: "2026-03-28T11:00:00.000Z",
    expected: freeze({ until: "2026-03-29T10:00:00.000Z", duration: "1d" }),
  },
  {
    name: "for 24h across spring DST is exact",
    body: "/freeze for 24h",
    now: "2026-03-28T11:00:00.000Z",
    expected: freeze({ until: "2026-03-29T11:00:00.000Z", duration: "24h" }),
  },
  {
    name: "for 1d across autumn DST (25 h)",
    body: "/freeze for 1d",
    now: "2026-10-24T10:00:00.000Z",
    expected: freeze({ until: "2026-10-25T11:00:00.000Z", duration: "1d" }),
  },
  {
    name: "until inside the spring gap shifts forward",
    body: "/freeze until 2026-03-29 02:30",
    now: "2026-03-28T11:00:00.000Z",
    expected: freeze({ until: "2026-03-29T01:30:00.000Z" }),
  },
  {
    name: "until the day before spring-forward ends at that night's 00:00 CET",
    body: "/freeze until 2026-03-28",
    now: "2026-03-27T11:00:00.000Z",
    expected: freeze({ until: "2026-03-28T23:00:00.000Z", wholeDay: "2026-03-28" }),
  },
  {
    name: "until the day before the autumn change ends at that night's 00:00 CEST",
    body: "/freeze until 2026-10-24",
    now: "2026-10-20T10:00:00.000Z",
    expected: freeze({ until: "2026-10-24T22:00:00.000Z", wholeDay: "2026-10-24" }),
  },
  {
    name: "until inside the autumn overlap takes the earlier",
    body: "/freeze until 2026-10-25 02:30",
    now: "2026-10-20T10:00:00.000Z",
    expected: freeze({ until: "2026-10-25T00:30:00.000Z" }),
  },
];

describe("parseCommand", () => {
  it.each(rows)("$name", ({ body, expected, now, timezone }) => {
    const result = parseCommand(body, { now: new Date(now ?? NOW), timezone: timezone ?? ZONE });
    if (expected === null) {
      expect(result).toBeNull();
    } else if ("command" in expected) {
      expect(result).toStrictEqual({ ok: true, command: expected.command });
    } else {
      expect(result).not.toBeNull();
      expect(result?.ok).toBe(false);
      if (result && !result.ok) {
        expect(result.error).toContain(expected.error);
        expect(result.usage).toBe(USAGE[expected.usage]);
      }
    }
  });

  it("has the table size the issue asks for", () => {
    expect(rows.length).toBeGreaterThanOrEqual(50);
  });
});
