import { parseRepoCommand } from "./github-args.js";

export interface RepoCommandIo {
  now: Date;
  env: NodeJS.ProcessEnv;
  out: (s: string) => void;
  err: (s: string) => void;
}

export const REPO_COMMANDS = ["recent", "report"];

export const REPO_USAGE = `  change-gate recent   --repo OWNER/REPO --env NAME [--since 3h] [--format text|json]
  change-gate report   --repo OWNER/REPO [--since 30d] [--env NAME] [--format markdown|json|html]
                       read GITHUB_TOKEN (and GITHUB_API_URL for GitHub Enterprise Server)
`;

/**
 * `recent` and `report`: commands that read a repository through the GitHub API. A failed request is exit 1 with
 * what GitHub said, never a partial report printed as if complete.
 */
export async function runRepoCommand(argv: string[], io: RepoCommandIo): Promise<number> {
  const args = parseRepoCommand(argv, io.now);
  if (args.help) {
    io.out(REPO_USAGE);
    return 0;
  }
  try {
    if (args.command === "recent") return await (await import("./recent.js")).runRecent(args, io);
    return await (await import("./report.js")).runReport(args, io);
  } catch (e) {
    const status = (e as { status?: unknown }).status;
    if (typeof status !== "number") throw e;
    const method = (e as { request?: { method?: string; url?: string } }).request;
    io.err(
      `change-gate: GitHub answered ${status} to ${method?.method ?? ""} ${method?.url ?? ""}: ${(e as Error).message}\n` +
        (status === 401 || status === 403 || status === 404
          ? "Check that GITHUB_TOKEN can read the repository's contents, pull requests and deployments.\n"
          : ""),
    );
    return 1;
  }
}
