// Types of scripts/release.mjs for the tests (test/release).
export function changelogSection(changelog: string, version: string): string | null;
export function releaseProblems(
  version: string,
  facts: { packageVersion: string; changelog: string; tagExists: (tag: string) => boolean },
): string[];
