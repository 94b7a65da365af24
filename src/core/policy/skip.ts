import type { Config } from "../config/schema.js";
import { GlobSet, globBudget } from "../glob/index.js";
import type { ChangedFile } from "../risk/index.js";

export interface PullRequestFacts {
  author: string | null;
  /** True for GitHub App / bot accounts (login ends in "[bot]" or type "Bot"). */
  authorIsBot: boolean;
  labels: readonly string[];
  files: ChangedFile[] | null;
  draft: boolean;
}

/** A GitHub App or bot account: type "Bot", or a login ending in "[bot]". One place decides it. */
export function isBotAccount(login: string | null | undefined, type: string | null | undefined): boolean {
  return type === "Bot" || (login?.toLowerCase().endsWith("[bot]") ?? false);
}

/** The facts `descriptionSkipReason` needs, from a PR as webhooks and the REST API send it. */
export function pullRequestFacts(
  pr: {
    user?: { login?: string; type?: string } | null;
    labels?: readonly { name?: string }[];
    draft?: boolean;
  },
  files: ChangedFile[] | null,
): PullRequestFacts {
  const author = pr.user?.login ?? null;
  return {
    author,
    authorIsBot: isBotAccount(author, pr.user?.type),
    labels: (pr.labels ?? []).map((l) => l.name).filter((n): n is string => typeof n === "string"),
    files,
    draft: pr.draft ?? false,
  };
}

/**
 * Why the description rules do not apply to this PR, or null when they do. Bots cannot write a rollback plan, so
 * their PRs skip the description rules (freezes still apply to them).
 */
export function descriptionSkipReason(config: Config, pr: PullRequestFacts): string | null {
  const skip = config.description.skip;
  const label = skip.labels.find((l) => pr.labels.includes(l));
  if (label) return `labelled "${label}" (description.skip.labels)`;
  if (pr.author && skip.authors.some((a) => a.toLowerCase() === pr.author!.toLowerCase()))
    return `authored by ${pr.author} (description.skip.authors)`;
  if (pr.authorIsBot) return `authored by the bot ${pr.author ?? "account"}`;
  if (skip.paths.length && pr.files && pr.files.length > 0) {
    // Linear-time matching within one work budget; a path it cannot decide (too long, budget spent) is no skip.
    const globs = new GlobSet(skip.paths);
    const budget = globBudget();
    if (pr.files.every((f) => globs.test(f.path, budget) === true))
      return `every changed file matches ${skip.paths.join(", ")} (description.skip.paths)`;
  }
  return null;
}
