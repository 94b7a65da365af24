/** A command parsed from the first line of an issue or pull-request comment. */
export type Command =
  | {
      kind: "freeze";
      /** End of the freeze as an ISO instant in UTC ("2026-12-01T08:00:00.000Z"); null = until lifted. */
      until: string | null;
      /** The `for` duration as written (trailing punctuation removed), e.g. "2h"; absent unless `for` was used. */
      duration?: string;
      /** The date `until` named without a time ("2027-01-04"): the freeze covers that whole day. Absent otherwise. */
      wholeDay?: string;
      environment: string | null;
      reason: string | null;
    }
  | { kind: "unfreeze"; environment: string | null; reason: string | null }
  | { kind: "freeze-status"; environment: string | null }
  | { kind: "override"; reason: string };

export type CommandKind = Command["kind"];

/**
 * `{ ok: true }` a well-formed command; `{ ok: false }` a command that is malformed (reply with `error` and `usage`);
 * `null` the comment holds no command at all (stay silent).
 */
export type ParseResult = { ok: true; command: Command } | { ok: false; error: string; usage: string } | null;

export interface ParseOptions {
  /** The current instant; `until` must be after it and `for` counts from it. */
  now: Date;
  /** IANA time zone (the config's) in which durations and local date-times are interpreted. */
  timezone: string;
}
