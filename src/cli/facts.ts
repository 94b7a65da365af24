import { type ChangeFacts, isBotAccount } from "../core/policy/index.js";
import type { CliArgs } from "./args.js";
import { readChangedFiles } from "./context.js";
import { readText } from "./io.js";

/**
 * The facts of a change as the CLI's flags and files state them — the CLI's counterpart of
 * `src/github/change-facts.ts`. What a flag cannot say (the freeze ledger, overrides) is empty: the CLI works offline.
 */
export function cliChangeFacts(args: CliArgs): ChangeFacts {
  const author = args.author ?? null;
  return {
    pullRequest: null,
    body: args.body === undefined ? null : readText(args.body, "body"),
    templates: args.template.map((t) => readText(t, "template")),
    author,
    authorIsBot: isBotAccount(author, null),
    labels: args.labels,
    files: readChangedFiles(args.files),
    draft: args.draft,
    baseBranch: null,
    mergeQueue: false,
    environment: args.env ?? null,
    ledger: [],
    override: null,
  };
}
