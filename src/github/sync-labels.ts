import type { RiskLevel } from "../core/config/schema.js";
import type { RiskLabel } from "../core/risk/index.js";
import type { GitHub, RepoRef } from "./types.js";

export interface LabelSync {
  added: string[];
  removed: string[];
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Keep exactly one risk label on the PR: add the wanted one (creating it in the repo with its colour when missing),
 * remove the other risk labels, touch nothing else, and make no request when already in sync.
 */
export async function syncRiskLabels(
  gh: GitHub,
  ref: RepoRef,
  issue_number: number,
  currentLabels: readonly string[],
  level: RiskLevel,
  labels: Record<RiskLevel, RiskLabel>,
): Promise<LabelSync> {
  const wanted = labels[level];
  const stale = currentLabels.filter((name) =>
    Object.values(labels).some((l) => l !== wanted && sameName(l.name, name) && !sameName(wanted.name, name)),
  );
  const added: string[] = [];
  if (!currentLabels.some((name) => sameName(name, wanted.name))) {
    const { data } = await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      ...ref,
      issue_number,
      labels: [wanted.name],
    });
    const label = data.find((l) => sameName(l.name, wanted.name));
    if (label && isAutoCreated(label)) await styleLabel(gh, ref, wanted);
    added.push(wanted.name);
  }
  for (const name of stale) {
    try {
      await gh.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
        ...ref,
        issue_number,
        name,
      });
    } catch (error) {
      // Someone removed it between the event and now: the goal is reached.
      if ((error as { status?: number }).status !== 404) throw error;
    }
  }
  return { added, removed: stale };
}

/**
 * Adding a label the repo lacks makes GitHub create it grey and undescribed; only then is it styled, so the usual
 * case (the label exists) costs one request instead of two.
 */
function isAutoCreated(label: { color?: string; description?: string | null }): boolean {
  return label.color?.toLowerCase() === AUTO_COLOR && !label.description;
}

const AUTO_COLOR = "ededed";

async function styleLabel(gh: GitHub, ref: RepoRef, label: RiskLabel): Promise<void> {
  await gh.request("PATCH /repos/{owner}/{repo}/labels/{name}", {
    ...ref,
    name: label.name,
    color: label.color,
    description: label.description,
  });
}
