// Release helper for .github/workflows/release.yml (no dependencies: it runs before and after `npm ci`).
//   node scripts/release.mjs check 1.2.3   version is X.Y.Z, equals package.json, has a CHANGELOG.md section, no tag yet
//   node scripts/release.mjs notes 1.2.3   prints that CHANGELOG.md section (the draft release notes)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** The body of the `## [X.Y.Z]` section of a Keep a Changelog file, or null when there is none. */
export function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => new RegExp(`^## \\[${version.replaceAll(".", "\\.")}\\]`).test(l));
  if (start < 0) return null;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((l) => !/^\[[^\]]+\]:\s/.test(l))
    .join("\n")
    .trim();
  return body === "" ? null : body;
}

/** Problems that stop a release of `version`; empty when it may go out. */
export function releaseProblems(version, { packageVersion, changelog, tagExists }) {
  if (!SEMVER.test(version ?? "")) return [`"${version}" is not a version X.Y.Z (no "v", no pre-release)`];
  const problems = [];
  if (packageVersion !== version)
    problems.push(
      `package.json says ${packageVersion}; run \`npm version ${version} --no-git-tag-version\` first`,
    );
  if (changelogSection(changelog, version) === null)
    problems.push(`CHANGELOG.md has no "## [${version}]" section with notes; move "Unreleased" there`);
  if (tagExists(`v${version}`)) problems.push(`tag v${version} exists; a version is released once`);
  return problems;
}

function main([command, version]) {
  const changelog = readFileSync("CHANGELOG.md", "utf8");
  if (command === "check") {
    const problems = releaseProblems(version, {
      packageVersion: JSON.parse(readFileSync("package.json", "utf8")).version,
      changelog,
      tagExists: (tag) => execFileSync("git", ["tag", "--list", tag], { encoding: "utf8" }).trim() !== "",
    });
    for (const p of problems) console.error(`::error title=release ${version}::${p}`);
    if (problems.length) process.exit(1);
    console.log(`release ${version}: ok`);
  } else if (command === "notes") {
    const notes = changelogSection(changelog, version);
    if (notes === null) throw new Error(`CHANGELOG.md has no section for ${version}`);
    console.log(notes);
  } else {
    console.error("usage: node scripts/release.mjs check|notes X.Y.Z");
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
