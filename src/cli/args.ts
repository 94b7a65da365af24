import { parseArgs } from "node:util";
import { UsageError } from "./io.js";

export const COMMANDS = ["check", "explain", "calendar", "validate"] as const;
export type CommandName = (typeof COMMANDS)[number];

export const USAGE = `Usage:
  change-gate check    --body FILE|- [--template FILE]... [--config FILE] [--extends FILE] [--at ISO]
                       [--env NAME] [--files FILE] [--labels A,B] [--author LOGIN] [--draft]
                       [--format json|text]
                       exit 0 pass, 1 blocked, 2 usage/config error
  change-gate explain  --config FILE [--extends FILE] [--at ISO] [--env NAME] [--days N]
  change-gate calendar --config FILE [--extends FILE] [--at ISO] [--env NAME] [--days N] > freezes.ics
  change-gate validate --config FILE [--extends FILE]
  change-gate recent   --repo OWNER/REPO --env NAME [--since 3h] [--format text|json]
  change-gate report   --repo OWNER/REPO [--since 30d] [--env NAME] [--format markdown|json|html]
                       (recent, report: GITHUB_TOKEN, and GITHUB_API_URL for GitHub Enterprise Server)

  --body      PR description (Markdown); "-" reads standard input. Optional for schedule-only checks.
  --template  the repository's PR template(s), to recognise text left in place
  --config    .github/change-gate.yml; without it the documented defaults apply
  --extends   the config that --config's \`_extends\` names (e.g. the org's .github/change-gate.yml), merged
              under it as the App does (every command); without it an \`_extends\` is not applied and the command
              warns: check in its output, explain as a Warning: line, calendar and validate on stderr
  --at        instant to evaluate (ISO 8601; without an offset it is read in the config's time zone); default now
  --env       deployment environment (environments.<name> in the config)
  --files     changed files: a JSON array ({filename|path, additions, deletions}), \`git diff --numstat\` output,
              or one path per line; without it, risk is "unknown" when a risk rule reads paths or sizes
  --labels    the PR's labels, comma-separated (description.skip.labels, risk rules by label)
  --author    the PR author's login (description.skip.authors; a login ending in [bot] is a bot)
  --draft     the PR is a draft: the merge gate is neutral (not enforced) until it is ready for review
  --format    text (default, for people) or json (the stable contract)
  --days      how many days explain/calendar cover (explain: 7, calendar: 90)
`;

export interface CliArgs {
  command: CommandName;
  body?: string;
  template: string[];
  config?: string;
  at?: string;
  env?: string;
  files?: string;
  /** `--labels a,b`: the PR's labels. */
  labels: string[];
  author?: string;
  /** `--extends FILE`: the base config `_extends` names. */
  extends?: string;
  draft: boolean;
  format: "json" | "text";
  days?: number;
  help: boolean;
}

export function parseCli(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help")
    return { command: "check", template: [], labels: [], draft: false, format: "text", help: true };
  if (!COMMANDS.includes(command as CommandName))
    throw new UsageError(`unknown command "${command}"; expected one of: ${COMMANDS.join(", ")}`);
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(rest).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const format = values.format ?? "text";
  if (format !== "json" && format !== "text")
    throw new UsageError(`--format must be json or text, not "${format}"`);
  let days: number | undefined;
  if (values.days !== undefined) {
    days = Number(values.days);
    if (!Number.isInteger(days) || days < 1 || days > 366)
      throw new UsageError(`--days must be a whole number from 1 to 366, not "${values.days}"`);
  }
  return {
    command: command as CommandName,
    body: values.body,
    template: values.template ?? [],
    config: values.config,
    at: values.at,
    env: values.env,
    files: values.files,
    labels: splitList(values.labels),
    author: values.author?.trim().replace(/^@/, "") || undefined,
    extends: values.extends,
    draft: values.draft ?? false,
    format,
    days,
    help: values.help ?? false,
  };
}

/** `--labels a,b` (repeatable): names split on commas, blanks dropped. */
function splitList(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(","))
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

function parse(args: string[]) {
  return parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      body: { type: "string" },
      template: { type: "string", multiple: true },
      config: { type: "string" },
      at: { type: "string" },
      env: { type: "string" },
      files: { type: "string" },
      labels: { type: "string", multiple: true },
      author: { type: "string" },
      extends: { type: "string" },
      draft: { type: "boolean" },
      format: { type: "string" },
      days: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}
