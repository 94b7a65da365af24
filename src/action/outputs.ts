import * as core from "./runner.js";

/** The step outputs declared in action.yml; a mode sets those that apply to it. */
export interface ActionOutputs {
  open?: boolean;
  /** ISO instant; "" when the gate never opens within a year. */
  nextOpen?: string | null;
  /** Schedule reason: window | always | freeze | holiday | outside-window | bake. */
  reason?: string;
  riskLevel?: string;
  /** Description section status: present | placeholder | missing | skipped. */
  rollback?: string;
  blastRadius?: string;
  conclusion?: string;
}

export function setOutputs(o: ActionOutputs): void {
  if (o.open !== undefined) core.setOutput("open", String(o.open));
  if (o.nextOpen !== undefined) core.setOutput("next-open", o.nextOpen ?? "");
  if (o.reason !== undefined) core.setOutput("reason", o.reason);
  if (o.riskLevel !== undefined) core.setOutput("risk-level", o.riskLevel);
  if (o.rollback !== undefined) core.setOutput("rollback", o.rollback);
  if (o.blastRadius !== undefined) core.setOutput("blast-radius", o.blastRadius);
  if (o.conclusion !== undefined) core.setOutput("conclusion", o.conclusion);
}
