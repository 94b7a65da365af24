import type { LabelSpec, RiskLevel } from "../config/schema.js";

export const RISK_LEVELS: readonly RiskLevel[] = ["low", "medium", "high"];

/** Default colours: green, yellow, red — the usual traffic light. */
const DEFAULT_COLOR: Record<RiskLevel, string> = { low: "0e8a16", medium: "fbca04", high: "d93f0b" };

export interface RiskLabel {
  name: string;
  color: string;
  description: string;
}

/** The one place that turns the config's label specs into concrete labels. */
export function riskLabel(level: RiskLevel, spec: LabelSpec): RiskLabel {
  const name = typeof spec === "string" ? spec : spec.name;
  const color =
    (typeof spec === "string" ? undefined : spec.color)?.replace(/^#/, "") ?? DEFAULT_COLOR[level];
  const description =
    (typeof spec === "string" ? undefined : spec.description) ?? `change-gate: ${level} risk change`;
  return { name, color: color.toLowerCase(), description };
}

export function riskLabels(specs: Record<RiskLevel, LabelSpec>): Record<RiskLevel, RiskLabel> {
  return {
    low: riskLabel("low", specs.low),
    medium: riskLabel("medium", specs.medium),
    high: riskLabel("high", specs.high),
  };
}
