// `npm run demo`: runs the bundled CLI on three example PR bodies so a new user sees the point in seconds.
import { spawnSync } from "node:child_process";

// Each body with the files its PR changes (`git diff --numstat` output), so the risk rules have something to read.
const cases = [
  ["A well-filled PR", "examples/bodies/good.md", "examples/changes/good.numstat"],
  [
    "A lazy PR (TBD / N/A) with a database migration",
    "examples/bodies/lazy.md",
    "examples/changes/lazy.numstat",
  ],
  ["The template left untouched", "examples/bodies/untouched.md", "examples/changes/untouched.numstat"],
];
const at = "2026-11-24T10:00:00+01:00"; // a Tuesday morning in Berlin, inside a window
for (const [title, body, files] of cases) {
  const args = [
    "dist/cli.js",
    "check",
    "--body",
    body,
    "--files",
    files,
    "--template",
    "examples/pull_request_template.md",
    "--config",
    "examples/change-gate.yml",
    "--at",
    at,
    "--env",
    "production",
  ];
  console.log(`\n=== ${title}: change-gate ${args.slice(1).join(" ")}`);
  const run = spawnSync(process.execPath, args, { encoding: "utf8" });
  process.stdout.write(run.stdout + run.stderr);
  console.log(
    `(exit code ${run.status}: ${run.status === 0 ? "pass" : run.status === 1 ? "blocked" : "error"})`,
  );
}
console.log(
  "\n=== The same policy on Black Friday: change-gate check --config examples/change-gate.yml --at 2026-11-27T10:00 --format json",
);
const friday = spawnSync(
  process.execPath,
  [
    "dist/cli.js",
    "check",
    "--config",
    "examples/change-gate.yml",
    "--at",
    "2026-11-27T10:00",
    "--format",
    "json",
  ],
  { encoding: "utf8" },
);
const report = JSON.parse(friday.stdout);
console.log(JSON.stringify({ schedule: report.schedule, deploy: report.gates.deploy.summary }, null, 2));
