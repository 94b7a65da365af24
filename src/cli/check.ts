import { readTemplates } from "../core/description/index.js";
import { evaluateChange } from "../core/policy/index.js";
import { renderText } from "../core/render/index.js";
import type { CliArgs } from "./args.js";
import { readChangedFiles, readConfig, resolveAt } from "./context.js";
import { readText } from "./io.js";

/** `change-gate check`: exit 0 when every gate passes, 1 when any gate blocks. */
export async function runCheck(args: CliArgs, now: Date, out: (s: string) => void): Promise<number> {
  const config = await readConfig(args.config);
  const at = resolveAt(args.at, config.timezone, now);
  const body = args.body === undefined ? null : readText(args.body, "body");
  const template = readTemplates(args.template.map((t) => readText(t, "template")));
  const files = readChangedFiles(args.files);
  const report = evaluateChange({ config, at, body, template, environment: args.env ?? null, files });
  out(
    args.format === "json"
      ? `${JSON.stringify(report, null, 2)}\n`
      : renderText(report, args.body === "-" ? "<stdin>" : (args.body ?? "(no body)")),
  );
  return Object.values(report.gates).some((g) => g.conclusion === "failure") ? 1 : 0;
}
