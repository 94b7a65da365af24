import { parseArgs } from "node:util";
import { parseDateTimeLike, parseDuration } from "../core/config/values.js";
import { UsageError } from "./io.js";

/** Arguments of the commands that read a repository through the GitHub API (`recent`, `report`). */
export interface RepoCommandArgs {
  command: "recent" | "report";
  owner: string;
  repo: string;
  environment: string | null;
  since: Date;
  format: string;
  help: boolean;
}

const FORMATS = { recent: ["text", "json"], report: ["markdown", "json", "html"] } as const;
const HOUR_MS = 3_600_000;

/** `--since 3h | 30d | 2w | 2026-11-01 | 2026-11-01T09:00Z`: a look-back from now, or an instant. */
export function parseSince(text: string, now: Date): Date {
  const d = parseDuration(text);
  if (d) {
    // Days and weeks are 24 h here: a look-back is elapsed time, not a calendar span.
    const ms = ((d.weeks * 7 + d.days) * 24 + d.hours) * HOUR_MS + d.minutes * 60_000;
    return new Date(now.getTime() - ms);
  }
  const at = parseDateTimeLike(text);
  if (at?.kind === "instant") return new Date(at.instant.epochMilliseconds);
  if (at)
    return new Date(at.local.toZonedDateTime("UTC", { disambiguation: "compatible" }).epochMilliseconds);
  throw new UsageError(`--since "${text}" is neither a duration (3h, 30d, 2w) nor a date-time (2026-11-01)`);
}

export function parseRepoCommand(argv: string[], now: Date): RepoCommandArgs {
  const command = argv[0] as "recent" | "report";
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv.slice(1),
      strict: true,
      allowPositionals: false,
      options: {
        repo: { type: "string" },
        env: { type: "string" },
        since: { type: "string" },
        format: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const help = values.help === true;
  const formats: readonly string[] = FORMATS[command];
  const format = (values.format as string | undefined) ?? formats[0]!;
  if (!help && !formats.includes(format))
    throw new UsageError(`${command} --format must be ${formats.join(", ")}, not "${format}"`);
  const repo = values.repo as string | undefined;
  const m = repo ? /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(repo) : null;
  if (!help && !m) throw new UsageError(`${command} needs --repo OWNER/REPO${repo ? `, not "${repo}"` : ""}`);
  const environment = (values.env as string | undefined) ?? null;
  if (!help && command === "recent" && !environment) throw new UsageError("recent needs --env NAME");
  const since = parseSince(
    (values.since as string | undefined) ?? (command === "recent" ? "3h" : "30d"),
    now,
  );
  if (since.getTime() > now.getTime()) throw new UsageError("--since is in the future");
  return { command, owner: m?.[1] ?? "", repo: m?.[2] ?? "", environment, since, format, help };
}
