import type { Config } from "../config/schema.js";
import { compileAliases, mayNameSection, SECTION_KEYS, type SectionKey } from "./aliases.js";
import { type Block, parseBlocks } from "./blocks.js";
import { classifySlot, type FindingReason, type SectionStatus, type SlotVerdict } from "./classify.js";
import { MAX_BODY_CHARS, prepareText } from "./input.js";
import { findingMessage } from "./messages.js";
import { comparable } from "./normalize.js";
import { segment } from "./segment.js";
import { findSlots, type Slot, type SlotKind } from "./slots.js";
import { NO_TEMPLATE, type TemplateText } from "./template.js";

export interface SectionFinding {
  status: SectionStatus;
  /** 1-based position of the slot's label; 1:1 when the section is missing (where a new one would go). */
  line: number;
  column: number;
  message: string;
  reason: FindingReason;
  /** How the slot was written (heading, bold line, label line, task item, table row…); null when missing. */
  kind: SlotKind | null;
  /** The slot's label as written, e.g. "🔙 Rollback / Recovery Plan". */
  heading: string | null;
  /** The author's own words in the slot (first 200 characters). */
  answer: string;
}

/** A PR description read for the change record: the two sections and anything the reader should know. */
export interface ChangeRecord {
  rollback: SectionFinding;
  blastRadius: SectionFinding;
  /** Level the author declared in the blast radius ("Blast radius: high"), if any. */
  declaredRisk: "low" | "medium" | "high" | null;
  warnings: string[];
}

export interface DescriptionOptions {
  template?: TemplateText;
  rules?: Config["description"];
}

/** Characters of candidate sections parsed at most; a real rollback plan and blast radius fit many times over. */
export const PARSE_BUDGET = 8_192;

const STATUS_RANK: Record<SlotVerdict["status"], number> = { placeholder: 0, present: 1 };

/**
 * A combined slot ("Risk & Rollback") stands for a section only when it has no label line of its own for it; lines
 * labelled for the other section are not this section's answer.
 */
function contentFor(section: SectionKey, slot: Slot, slots: Slot[], blocks: Block[]): Block[] | null {
  const nested = slots.filter((s) => s !== slot && s.start > slot.start && s.start < slot.end);
  if (slot.sections.length > 1 && nested.some((s) => s.sections.length === 1 && s.sections[0] === section))
    return null;
  const foreign = new Set<number>();
  for (const s of nested)
    if (!s.sections.includes(section))
      for (let i = s.start; i < Math.max(s.end, s.start + 1); i++) foreign.add(i);
  const out: Block[] = [];
  for (let i = slot.start + 1; i < slot.end; i++) if (!foreign.has(i)) out.push(blocks[i]!);
  return out;
}

const DECLARED_RE =
  /^(?:(?:risk|level|impact|blast|radius|severity|rating|overall|is)\s)*(low|medium|high|minimal|small|large|critical|低|中|高)(?:\s|$)/u;
const DECLARED_LEVEL: Record<string, "low" | "medium" | "high"> = {
  low: "low",
  minimal: "low",
  small: "low",
  低: "low",
  medium: "medium",
  中: "medium",
  high: "high",
  large: "high",
  critical: "high",
  高: "high",
};

function missing(section: SectionKey): SectionFinding {
  return {
    status: "missing",
    line: 1,
    column: 1,
    reason: "no-slot",
    message: findingMessage(section, "no-slot"),
    kind: null,
    heading: null,
    answer: "",
  };
}

export function parseDescription(body: string, options: DescriptionOptions = {}): ChangeRecord {
  const prepared = prepareText(body);
  const warnings: string[] = [];
  if (prepared.truncated)
    warnings.push(
      `The description is ${prepared.originalLength} characters; only the first ${MAX_BODY_CHARS} were read (GitHub's limit for a PR body).`,
    );
  const rules = options.rules;
  const table = compileAliases({
    rollback: rules?.rollback.headings,
    blastRadius: rules?.blast_radius.headings,
  });
  const { pieces, overBudget } = segment(prepared.text, (t) => mayNameSection(t, table), PARSE_BUDGET);
  if (overBudget)
    warnings.push(
      `The description has more than ${PARSE_BUDGET} characters of sections that look like a rollback plan or blast radius; only the first ${PARSE_BUDGET} were read.`,
    );
  const blocks = parseBlocks(pieces);
  const slots = findSlots(blocks, table);
  const classifyOptions = {
    aliases: table,
    template: options.template ?? NO_TEMPLATE,
    reasonedNa: rules?.reasoned_na ?? true,
    placeholders: new Set((rules?.placeholders ?? []).map(comparable)),
    commentLines: prepared.commentLines,
  };
  const found = {} as Record<SectionKey, SectionFinding>;
  for (const section of SECTION_KEYS) {
    let best: { slot: Slot; verdict: SlotVerdict } | null = null;
    // A slot inside a partial answer is one of its parts, not an answer of its own.
    let partialEnd = -1;
    for (const slot of slots) {
      if (!slot.sections.includes(section) || slot.start < partialEnd) continue;
      const content = contentFor(section, slot, slots, blocks);
      if (content === null) continue;
      const verdict = classifySlot(section, slot, content, classifyOptions);
      if (verdict.reason === "partial") partialEnd = slot.end;
      if (!best || STATUS_RANK[verdict.status] > STATUS_RANK[best.verdict.status]) best = { slot, verdict };
    }
    found[section] = best
      ? {
          status: best.verdict.status,
          line: best.slot.line,
          column: best.slot.column,
          reason: best.verdict.reason,
          message: findingMessage(section, best.verdict.reason, best.verdict.stock),
          kind: best.slot.kind,
          heading: best.slot.label.slice(0, 200),
          answer: best.verdict.answer,
        }
      : missing(section);
  }
  // A bare rating is not a blast radius, but it still declares a level.
  const declares = found.blastRadius.status === "present" || found.blastRadius.reason === "claim";
  const declared = declares ? DECLARED_RE.exec(comparable(found.blastRadius.answer)) : null;
  return {
    rollback: found.rollback,
    blastRadius: found.blastRadius,
    declaredRisk: declared ? (DECLARED_LEVEL[declared[1]!] ?? null) : null,
    warnings,
  };
}
