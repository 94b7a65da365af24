import { SECTION_ASK, SECTION_TITLE, type SectionKey } from "./aliases.js";
import type { FindingReason } from "./classify.js";

/** A heading a user can paste when the section is missing. */
export const SUGGESTED_HEADING: Record<SectionKey, string> = {
  rollback: "## Rollback plan",
  blastRadius: "## Blast radius",
};

/** The fix-it message for a finding, in the style "<what was found> — <what to write>". */
export function findingMessage(section: SectionKey, reason: FindingReason, stock?: string): string {
  const title = SECTION_TITLE[section];
  const ask = SECTION_ASK[section];
  switch (reason) {
    case "answered":
      return `${title} found`;
    case "reasoned-na":
      return `${title} says it does not apply, with a reason`;
    case "template":
      return `${title} still holds the template text — ${ask}`;
    case "stock":
      return `${title} says only "${stock ?? ""}" — ${ask}`;
    case "empty":
      return `${title} is empty — ${ask}`;
    case "comments":
      return `${title} holds only the template's comments — ${ask}`;
    case "unchecked":
      return `${title} has only unticked boxes — tick the one that applies or ${ask}`;
    case "fix-forward":
      return `${title} says only to fix forward, which is not a way back — ${ask}`;
    case "question":
      return `${title} holds only the template's question — answer it: ${ask}`;
    case "prompt":
      return `${title} holds only the instructions left in place — replace them with your answer: ${ask}`;
    case "partial":
      return `${title} leaves the template's "${stock ?? ""}" part unanswered — answer every part: ${ask}`;
    case "claim":
      return section === "blastRadius"
        ? `${title} gives only a rating or a box that says it was assessed — ${ask}`
        : `${title} only ticks a box that says it exists — ${ask}`;
    case "no-slot":
      return `No ${title.toLowerCase()} found — add a "${SUGGESTED_HEADING[section]}" section and ${ask}`;
  }
}
