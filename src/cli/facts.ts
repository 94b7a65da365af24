import type { Config } from "../core/config/schema.js";
import { type ChangeFacts, isBotAccount } from "../core/policy/index.js";
import type { CliArgs } from "./args.js";
import { ConfigFailure, readChangedFiles, readConfig } from "./context.js";
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

/**
 * `--config`, merged over `--extends` when given (as the App merges a config over its `_extends` base). A config
 * that says `_extends` without `--extends` is used alone, with a warning: offline, the base cannot be read, and a
 * silent partial policy would pass what the App blocks.
 */
export async function readCheckConfig(
  path: string | undefined,
  basePath: string | undefined,
): Promise<{ config: Config; warnings: string[] }> {
  if (basePath === undefined) {
    const config = await readConfig(path);
    const warnings = config._extends === undefined ? [] : [unresolvedExtends(path!, config._extends)];
    return { config, warnings };
  }
  const { formatConfigError, mentionsHolidays, parseYaml, validateConfigValue } = await import(
    "../core/config/load.js"
  );
  const { mergeOverBase } = await import("../core/config/extends.js");
  const parse = (file: string, what: string) => {
    const parsed = parseYaml(readText(file, what), file);
    if (!parsed.ok) throw new ConfigFailure(parsed.errors, parsed.errors.map(formatConfigError).join("\n"));
    return parsed;
  };
  const near = path === undefined ? null : parse(path, "config");
  const value = mergeOverBase(parse(basePath, "--extends file").value, near ? near.value : {});
  if (mentionsHolidays(value)) {
    const { loadHolidayLibrary } = await import("../core/schedule/holiday-library.js");
    await loadHolidayLibrary();
  }
  const result = validateConfigValue(value, path ?? basePath, near?.locate);
  if (!result.ok) throw new ConfigFailure(result.errors, result.errors.map(formatConfigError).join("\n"));
  return { config: result.config, warnings: [] };
}

function unresolvedExtends(path: string, target: string): string {
  return `${path}: _extends "${target}" is not applied — the CLI cannot read another repository offline, so this is the repository's own config without its base; pass --extends FILE (the base config, e.g. from a checkout of ${target}) to decide as the App and the Action do`;
}
