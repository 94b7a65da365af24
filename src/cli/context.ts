import { defaultConfig } from "../core/config/defaults.js";
import type { ConfigError } from "../core/config/load.js";
import type { Config } from "../core/config/schema.js";
import { parseDateTimeLike } from "../core/config/values.js";
import type { ChangedFile } from "../core/risk/index.js";
import { readText, UsageError } from "./io.js";

/** The config file is invalid: printed as file:line:col lines, exit code 2. */
export class ConfigFailure extends Error {
  override name = "ConfigFailure";
  constructor(
    readonly errors: ConfigError[],
    message: string,
  ) {
    super(message);
  }
}

export async function readConfig(path: string | undefined): Promise<Config> {
  if (path === undefined) return defaultConfig();
  // The schema library loads only when there is a config file to validate.
  const { formatConfigError, loadConfigAsync } = await import("../core/config/load.js");
  const result = await loadConfigAsync(readText(path, "config"), path);
  if (!result.ok) throw new ConfigFailure(result.errors, result.errors.map(formatConfigError).join("\n"));
  return result.config;
}

/**
 * The config every CLI command uses: `--config`, merged over `--extends` when given (as the App merges a config over
 * its `_extends` base). A config that says `_extends` without `--extends` is used alone, with a warning: offline, the
 * base cannot be read, and a silent partial policy would pass what the App blocks. The one place the CLI resolves
 * `_extends`; `check`, `explain`, `calendar` and `validate` all read their config here.
 */
export async function readCliConfig(
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
  const base = parse(basePath, "--extends file");
  const value = mergeOverBase(base.value, near ? near.value : {});
  if (mentionsHolidays(value)) {
    const { loadHolidayLibrary } = await import("../core/schedule/holiday-library.js");
    await loadHolidayLibrary();
  }
  let result = validateConfigValue(value, path ?? basePath, near?.locate);
  if (!result.ok) {
    // A mistake in the base file is reported at its own file:line:col, not at the top of --config.
    const alone = validateConfigValue(mergeOverBase(base.value, {}), basePath, base.locate);
    if (!alone.ok) result = alone;
  }
  if (!result.ok) throw new ConfigFailure(result.errors, result.errors.map(formatConfigError).join("\n"));
  return { config: result.config, warnings: [] };
}

function unresolvedExtends(path: string, target: string): string {
  return `${path}: _extends "${target}" is not applied — the CLI cannot read another repository offline, so this is the repository's own config without its base; pass --extends FILE (the base config, e.g. from a checkout of ${target}) to decide as the App and the Action do`;
}

/** `--at`: an ISO instant, or a local date-time read in the config's time zone; default now. */
export function resolveAt(at: string | undefined, timezone: string, now: Date): Date {
  if (at === undefined) return now;
  const parsed = parseDateTimeLike(at);
  if (!parsed)
    throw new UsageError(`--at "${at}" is not a date-time; use ISO 8601 such as 2026-11-24T10:00:00Z`);
  const instant =
    parsed.kind === "instant"
      ? parsed.instant
      : parsed.local.toZonedDateTime(timezone, { disambiguation: "compatible" }).toInstant();
  return new Date(instant.epochMilliseconds);
}

const NUMSTAT_RE = /^(\d+|-)\t(\d+|-)\t(.+)$/;

/** `--files`: GitHub's list-files JSON, `git diff --numstat` output, or one path per line. */
export function readChangedFiles(path: string | undefined): ChangedFile[] | null {
  if (path === undefined) return null;
  const text = readText(path, "files");
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch (e) {
      throw new UsageError(`--files "${path}" is not valid JSON: ${(e as Error).message}`);
    }
    if (!Array.isArray(data)) throw new UsageError(`--files "${path}" must be a JSON array`);
    return data.map((item, i) => {
      if (typeof item === "string") return { path: item, additions: 0, deletions: 0 };
      const o = item as Record<string, unknown>;
      const p = o.filename ?? o.path;
      if (typeof p !== "string")
        throw new UsageError(`--files "${path}": item ${i} has no "filename" or "path"`);
      return { path: p, additions: Number(o.additions ?? 0) || 0, deletions: Number(o.deletions ?? 0) || 0 };
    });
  }
  return trimmed
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const m = NUMSTAT_RE.exec(line);
      if (m) return { path: m[3]!, additions: Number(m[1]) || 0, deletions: Number(m[2]) || 0 };
      return { path: line.trim(), additions: 0, deletions: 0 };
    });
}
