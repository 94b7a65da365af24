// Fails when the generated files (dist/, schema/) differ from what is committed: run `npm run all` and commit.
import { execFileSync } from "node:child_process";

const status = execFileSync("git", ["status", "--porcelain", "--", "dist", "schema", "docs/config.md"], {
  encoding: "utf8",
});
if (status.trim() !== "") {
  console.error(
    `Generated files are stale — run \`npm run all\` and commit dist/, schema/ and docs/config.md:\n${status}`,
  );
  process.exit(1);
}
console.log("dist/ and schema/ match the source.");
