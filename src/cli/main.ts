import { type CliArgs, parseCli, USAGE } from "./args.js";
import { InputError, UsageError } from "./io.js";
import { REPO_COMMANDS, runRepoCommand } from "./repo-commands.js";

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  now: Date;
  /** Environment for the commands that call GitHub (GITHUB_TOKEN, GITHUB_API_URL); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Runs one CLI invocation and returns its exit code; the command's modules load only when chosen. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let args: CliArgs | undefined;
  try {
    // recent / report: their own flags (src/cli/github-args.ts).
    if (REPO_COMMANDS.includes(argv[0] ?? ""))
      return await runRepoCommand(argv, { ...io, env: io.env ?? process.env });
    args = parseCli(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    switch (args.command) {
      case "check":
        return await (await import("./check.js")).runCheck(args, io.now, io.out);
      case "validate":
        return await (await import("./validate.js")).runValidate(args, io.out, io.err);
      case "explain":
        return await (await import("./schedule-commands.js")).runExplain(args, io.now, io.out);
      case "calendar":
        return await (await import("./schedule-commands.js")).runCalendar(args, io.now, io.out, io.err);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`change-gate: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`change-gate: ${e.message}\n`);
      return 2;
    }
    if (e instanceof Error && e.name === "ConfigFailure") {
      // json consumers get the errors on stdout too, so a script never parses an empty string.
      if (args?.format === "json")
        io.out(
          `${JSON.stringify({ error: "config", errors: (e as Error & { errors: unknown }).errors }, null, 2)}\n`,
        );
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
