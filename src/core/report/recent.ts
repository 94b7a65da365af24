import type { Config } from "../config/schema.js";
import { parseDescription, type SectionFinding, type TemplateText } from "../description/index.js";
import type { Override } from "../policy/index.js";
import { evaluateSchedule, type ScheduleReason } from "../schedule/index.js";

/** A deployment status as GitHub recorded it, oldest first. */
export interface StatusFact {
  state: string;
  createdAt: string;
}

export interface PullFact {
  number: number;
  title: string;
  url: string;
  author: string | null;
  body: string;
  mergedAt: string | null;
  /** Override approvals change-gate recorded on the PR up to the deploy time; null when none. */
  override: Override | null;
}

export interface DeploymentFact {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  createdAt: string;
  creator: string | null;
  statuses: StatusFact[];
  pulls: PullFact[];
}

/** A section of a PR description as the on-call reads it: the author's own words, not only a status. */
export interface SectionAnswer {
  status: SectionFinding["status"];
  /** The author's words in the slot (first 200 characters); "" when missing. */
  answer: string;
  heading: string | null;
  line: number;
}

export interface RecentPull {
  number: number;
  title: string;
  url: string;
  author: string | null;
  mergedAt: string | null;
  rollback: SectionAnswer;
  blastRadius: SectionAnswer;
}

/**
 * What change-gate decided when the deployment started. `gate` comes from the deployment's statuses (GitHub sets
 * `waiting` while a protection rule holds a deployment); `override` from change-gate's own override records on the PR;
 * `schedule` is the schedule of the config read now, evaluated at the deployment's time.
 */
export interface DeployVerdict {
  gate: "not-held" | "held-released" | "held-stopped" | "waiting";
  heldFrom: string | null;
  releasedAt: string | null;
  /** The last status GitHub recorded (success, failure, in_progress, waiting, inactive…); null when none. */
  state: string | null;
  override: Override | null;
  schedule: { open: boolean; reason: ScheduleReason; rule: string | null };
}

export interface RecentDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  createdAt: string;
  creator: string | null;
  decision: DeployVerdict;
  pullRequests: RecentPull[];
}

/** `change-gate recent --format json`: a stable contract (docs/cli.md). */
export interface RecentReport {
  repository: string;
  environment: string;
  since: string;
  until: string;
  deployments: RecentDeployment[];
  /** HTTP requests made to GitHub to build this report. */
  requests: number;
  /** Things the reader should know (e.g. the config did not load and the defaults were used). */
  warnings: string[];
}

const STARTED = new Set(["queued", "in_progress", "success", "inactive"]);

function answerOf(f: SectionFinding): SectionAnswer {
  return { status: f.status, answer: f.answer, heading: f.heading, line: f.line };
}

/** How protection rules treated the deployment, read from its statuses (oldest first). */
export function gateFromStatuses(
  statuses: readonly StatusFact[],
): Pick<DeployVerdict, "gate" | "heldFrom" | "releasedAt" | "state"> {
  const state = statuses.at(-1)?.state ?? null;
  const waitAt = statuses.findIndex((s) => s.state === "waiting");
  if (waitAt < 0) return { gate: "not-held", heldFrom: null, releasedAt: null, state };
  const heldFrom = statuses[waitAt]!.createdAt;
  const after = statuses.slice(waitAt + 1).filter((s) => s.state !== "waiting");
  const release = after.find((s) => STARTED.has(s.state));
  if (release) return { gate: "held-released", heldFrom, releasedAt: release.createdAt, state };
  if (after.length > 0) return { gate: "held-stopped", heldFrom, releasedAt: null, state };
  return { gate: "waiting", heldFrom, releasedAt: null, state };
}

/**
 * The instant change-gate's decision took effect: when a held deployment was released (an override recorded while it
 * waited counts), else when it was created.
 */
export function decidedAt(statuses: readonly StatusFact[], createdAt: string): Date {
  const g = gateFromStatuses(statuses);
  return new Date(
    g.releasedAt ?? (g.gate === "not-held" ? createdAt : (statuses.at(-1)?.createdAt ?? createdAt)),
  );
}

/** Builds the on-call view from gathered facts. Pure: the config and the template come in as arguments. */
export function buildRecent(input: {
  repository: string;
  environment: string;
  since: Date;
  until: Date;
  config: Config;
  template?: TemplateText;
  deployments: readonly DeploymentFact[];
  requests: number;
  warnings?: string[];
}): RecentReport {
  const { config } = input;
  const deployments = [...input.deployments]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id)
    .map((d): RecentDeployment => {
      const s = evaluateSchedule({ config, environment: d.environment }, new Date(d.createdAt));
      const override = d.pulls.find((p) => p.override)?.override ?? null;
      return {
        id: d.id,
        sha: d.sha,
        ref: d.ref,
        environment: d.environment,
        createdAt: d.createdAt,
        creator: d.creator,
        decision: {
          ...gateFromStatuses(d.statuses),
          override,
          schedule: { open: s.open, reason: s.reason, rule: s.rule },
        },
        pullRequests: d.pulls.map((p) => {
          const record = parseDescription(p.body, { template: input.template, rules: config.description });
          return {
            number: p.number,
            title: p.title,
            url: p.url,
            author: p.author,
            mergedAt: p.mergedAt,
            rollback: answerOf(record.rollback),
            blastRadius: answerOf(record.blastRadius),
          };
        }),
      };
    });
  return {
    repository: input.repository,
    environment: input.environment,
    since: input.since.toISOString(),
    until: input.until.toISOString(),
    deployments,
    requests: input.requests,
    warnings: input.warnings ?? [],
  };
}
