import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

export const NOW = new Date("2026-11-24T10:00:00Z");

/** Run the CLI in-process, as `change-gate <argv>` at a fixed "now". */
export async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s), now: NOW });
  return { code, stdout, stderr };
}

/** Run the committed bundle as a user would: `node dist/cli.js …`. */
export function bundle(
  argv: string[],
  input?: string | Buffer,
): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ["dist/cli.js", ...argv], {
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "change-gate-"));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
