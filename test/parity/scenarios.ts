// The parity table: each row is one change (facts + config) at one instant, and the verdict every front door must
// reach on it. All rows are decided at AT, Christmas Day 2026 (a Friday), so one App process serves them all.

/** Friday 25 December 2026, 10:30 UTC: a public holiday in Germany, a weekday outside Mon–Thu windows. */
export const AT = "2026-12-25T10:30:00Z";

export type Verdict = "pass" | "block" | "neutral";

export interface Row {
  name: string;
  config: string;
  /** Which gate: the merge check on the PR head (or the merge-queue group), or the deploy gate for `production`. */
  gate: "merge" | "merge-queue" | "deploy";
  body: string;
  labels?: string[];
  /** The PR author's login; one ending in "[bot]" is a bot account. */
  author?: string;
  draft?: boolean;
  files?: string[];
  /** A `/freeze` in the repository's freeze ledger (change-freeze issue). */
  ledgerFreeze?: boolean;
  /** A break-glass approval by an admin: the `/override` command, or the `emergency` label. */
  override?: "command" | "label";
  expect: Verdict;
  /** Text each front door's explanation of a block must contain (the same reason everywhere). */
  why?: string;
}

export const TEMPLATE =
  "## Rollback plan\n\nList the steps that undo this change.\n\n## Blast radius\n\nName the systems and users it touches.\n";
export const DESCRIBED =
  "## Rollback plan\nRevert this PR and redeploy v1.4.2 with `helm rollback api 41`.\n\n## Blast radius\nOnly the login page; worst case users sign in again.\n";
const ROLLBACK_ONLY = "## Rollback plan\nRevert this PR and redeploy v1.4.2 with `helm rollback api 41`.\n";
const UNDESCRIBED = "Fixes the typo in the footer.\n";

const OPEN = "timezone: UTC\n";
const SKIP = `timezone: UTC
description:
  skip: { paths: ["docs/**", "**/*.md"], labels: [docs-only], authors: [renovate-bot] }
`;
const WEEKDAYS = `timezone: UTC
windows: [{ days: Mon-Thu, start: "09:00", end: "16:00" }]
`;
const FREEZE = `timezone: UTC
freezes: [{ name: Year end, from: "2026-12-20T00:00", to: "2027-01-04T00:00" }]
`;
const HOLIDAY = `timezone: UTC
holidays: { country: DE }
`;
const ENVIRONMENTS = `timezone: UTC
description:
  blast_radius: { required: false }
environments:
  production: { require: [rollback, blast_radius] }
  staging: { require: [rollback] }
`;
const RISK = `timezone: UTC
risk:
  rules: [{ paths: ["migrations/**"], level: high, reason: database migration }]
  windows: { high: [{ days: Mon-Thu, start: "10:00", end: "15:00" }] }
`;
const PROD_WINDOWS = `timezone: UTC
environments:
  production: { windows: [{ days: Mon-Thu, start: "09:00", end: "16:00" }] }
`;

export const ROWS: Row[] = [
  // The merge check on a PR.
  {
    name: "a described PR in an open schedule",
    config: OPEN,
    gate: "merge",
    body: DESCRIBED,
    expect: "pass",
  },
  {
    name: "an undescribed PR",
    config: OPEN,
    gate: "merge",
    body: UNDESCRIBED,
    expect: "block",
    why: "Rollback plan",
  },
  {
    name: "the PR template left as it is",
    config: OPEN,
    gate: "merge",
    body: TEMPLATE,
    expect: "block",
    why: "template",
  },
  {
    name: "skip paths: a docs-only change needs no description",
    config: SKIP,
    gate: "merge",
    body: UNDESCRIBED,
    files: ["docs/setup.md", "README.md"],
    expect: "pass",
  },
  {
    name: "skip paths: one file outside them keeps the rules",
    config: SKIP,
    gate: "merge",
    body: UNDESCRIBED,
    files: ["docs/setup.md", "src/app.ts"],
    expect: "block",
    why: "Rollback plan",
  },
  {
    name: "skip labels",
    config: SKIP,
    gate: "merge",
    body: UNDESCRIBED,
    labels: ["docs-only"],
    expect: "pass",
  },
  {
    name: "skip authors",
    config: SKIP,
    gate: "merge",
    body: UNDESCRIBED,
    author: "renovate-bot",
    expect: "pass",
  },
  {
    name: "a bot's PR skips the description rules",
    config: OPEN,
    gate: "merge",
    body: UNDESCRIBED,
    author: "dependabot[bot]",
    expect: "pass",
  },
  {
    name: "a draft is not enforced",
    config: OPEN,
    gate: "merge",
    body: UNDESCRIBED,
    draft: true,
    expect: "neutral",
  },
  {
    name: "closed window, merge.enforce_windows: true",
    config: `${WEEKDAYS}merge: { enforce_windows: true }\n`,
    gate: "merge",
    body: DESCRIBED,
    expect: "block",
    why: "outside deploy windows",
  },
  {
    name: "closed window: windows apply to deploys only by default",
    config: WEEKDAYS,
    gate: "merge",
    body: DESCRIBED,
    expect: "pass",
  },
  {
    name: "a configured freeze",
    config: FREEZE,
    gate: "merge",
    body: DESCRIBED,
    expect: "block",
    why: "Year end",
  },
  {
    name: "a public holiday",
    config: HOLIDAY,
    gate: "merge",
    body: DESCRIBED,
    expect: "block",
    why: "holiday",
  },
  {
    name: "a /freeze in the ledger",
    config: OPEN,
    gate: "merge",
    body: DESCRIBED,
    ledgerFreeze: true,
    expect: "block",
    why: "freeze",
  },
  {
    name: "a /freeze, overridden by command",
    config: OPEN,
    gate: "merge",
    body: DESCRIBED,
    ledgerFreeze: true,
    override: "command",
    expect: "pass",
  },
  {
    name: "a /freeze, overridden by the emergency label",
    config: OPEN,
    gate: "merge",
    body: DESCRIBED,
    ledgerFreeze: true,
    override: "label",
    expect: "pass",
  },
  // The merge queue: the group is checked with the queued PR's description, and a PR in the queue is no draft.
  { name: "merge queue: a described PR", config: OPEN, gate: "merge-queue", body: DESCRIBED, expect: "pass" },
  {
    name: "merge queue: an undescribed draft is enforced there",
    config: OPEN,
    gate: "merge-queue",
    body: UNDESCRIBED,
    draft: true,
    // The Action's merge-group summary names no rule, so only the verdict is compared.
    expect: "block",
  },
  // The deploy gate for `production`, on the PR the deployed commit came from.
  { name: "deploy: a described PR, open", config: OPEN, gate: "deploy", body: DESCRIBED, expect: "pass" },
  {
    name: "deploy: environments.production.require wants a blast radius",
    config: ENVIRONMENTS,
    gate: "deploy",
    body: ROLLBACK_ONLY,
    expect: "block",
    why: "Blast radius",
  },
  {
    name: "deploy: risk windows hold a migration on a Friday",
    config: RISK,
    gate: "deploy",
    body: DESCRIBED,
    files: ["migrations/0042_add_index.sql"],
    expect: "block",
    why: "window",
  },
  {
    name: "deploy: risk windows leave a low-risk change alone",
    config: RISK,
    gate: "deploy",
    body: DESCRIBED,
    files: ["src/app.ts"],
    expect: "pass",
  },
  {
    name: "deploy: the environment's closed window",
    config: PROD_WINDOWS,
    gate: "deploy",
    body: DESCRIBED,
    expect: "block",
    why: "window",
  },
  {
    name: "deploy: a configured freeze",
    config: FREEZE,
    gate: "deploy",
    body: DESCRIBED,
    expect: "block",
    why: "Year end",
  },
  {
    name: "deploy: a configured freeze, overridden by command",
    config: FREEZE,
    gate: "deploy",
    body: DESCRIBED,
    override: "command",
    expect: "pass",
  },
  {
    name: "deploy: a public holiday",
    config: HOLIDAY,
    gate: "deploy",
    body: DESCRIBED,
    expect: "block",
    why: "holiday",
  },
  {
    name: "deploy: a /freeze in the ledger",
    config: OPEN,
    gate: "deploy",
    body: DESCRIBED,
    ledgerFreeze: true,
    expect: "block",
    why: "freeze",
  },
  {
    name: "deploy: a /freeze, overridden by the emergency label",
    config: OPEN,
    gate: "deploy",
    body: DESCRIBED,
    ledgerFreeze: true,
    override: "label",
    expect: "pass",
  },
  {
    name: "deploy: a bot's PR skips the description, not the schedule",
    config: FREEZE,
    gate: "deploy",
    body: UNDESCRIBED,
    author: "dependabot[bot]",
    expect: "block",
    why: "Year end",
  },
];

/** What the CLI cannot state offline: the freeze ledger and override approvals live in GitHub. */
export function cliCanState(row: Row): boolean {
  return !row.ledgerFreeze && !row.override;
}
