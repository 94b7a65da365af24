/** `npm run bench`: every benchmark script in bench/, one after another, printing its figures. */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

for (const file of readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts"))
  .sort()) {
  console.log(`\n### bench/${file}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", `bench/${file}`], { stdio: "inherit" });
  if (run.status !== 0) process.exitCode = 1;
}
