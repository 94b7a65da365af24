import {
  type AliasTable,
  type SectionKey,
  sectionsNamed,
  withoutLeadingSectionName,
  withoutSectionNames,
} from "./aliases.js";
import type { Block } from "./blocks.js";
import {
  afterDeferral,
  afterPointer,
  countWords,
  MIN_REASON_WORDS,
  notApplicableReason,
  onlyFixesForward,
  STOCK,
  withoutNonAnswerWords,
} from "./non-answers.js";
import { comparable } from "./normalize.js";
import { isRequiredPart, templateParts } from "./parts.js";
import { isPrompt } from "./prompts.js";
import { isBareRating } from "./rating.js";
import { labelOf, type Slot } from "./slots.js";
import type { TemplateText } from "./template.js";

export type SectionStatus = "present" | "placeholder" | "missing";

/** Why a section got its status; drives the message and is part of the JSON output. */
export type FindingReason =
  | "answered"
  | "reasoned-na"
  | "template"
  | "stock"
  | "empty"
  | "comments"
  | "unchecked"
  | "fix-forward"
  | "question"
  | "claim"
  | "prompt"
  | "partial"
  | "no-slot";

export interface SlotVerdict {
  status: "present" | "placeholder";
  reason: FindingReason;
  /** The author's own words found in the slot (first 200 characters), for summaries. */
  answer: string;
  /** The non-answer as written (reason "stock"), or the title of the part left unanswered (reason "partial"). */
  stock?: string;
}

export interface ClassifyOptions {
  template: TemplateText;
  aliases: AliasTable;
  reasonedNa: boolean;
  placeholders: ReadonlySet<string>;
  commentLines: ReadonlySet<number>;
}

/** Words that make a ticked box a claim about a plan rather than the plan itself. */
const CLAIM_RE =
  /\b(?:plan|plans|procedure|process|steps|strategy|notes|documented|runbook|defined|tested|considered|prepared|exists|assessed|reviewed|identified|plano|planes|procedimiento)\b|手順|方案|计划|計画|プラン/u;

function isClaim(text: string): boolean {
  return /[:：]\s*$/.test(text.trim()) || CLAIM_RE.test(comparable(text));
}

/** Strip text that the template already holds, line by line; a template line may also lead an authored line. */
function authored(text: string, template: TemplateText): string {
  const c = comparable(text);
  if (c === "" || template.lines.has(c)) return "";
  for (const prefix of template.prefixes) {
    if (c.startsWith(`${prefix} `)) return c.slice(prefix.length + 1);
  }
  // One or two words picked from a template line's options ("Low" from "Low / High / Critical") say nothing new.
  if (countWords(c) <= 2)
    for (const line of template.lines) if (` ${line} `.includes(` ${c} `) && line !== c) return "";
  return c;
}

/** A label line naming this section ("Rollback: N/A" under a Rollback heading) answers with what follows the label. */
function answerOf(text: string, section: SectionKey, aliases: AliasTable): string {
  let answer = text;
  // Labels may nest ("How to roll back: Revert: N/A"); a few levels cover any real line.
  for (let i = 0; i < 3; i++) {
    const l = labelOf(answer);
    if (!l || l.rest === "" || !sectionsNamed(l.name, aliases).includes(section)) break;
    answer = l.rest;
  }
  return answer;
}

interface Gathered {
  pieces: string[];
  raw: string[];
  sawTemplate: boolean;
  sawUnchecked: boolean;
  /** A ticked box that only claims the plan exists. */
  sawClaim: boolean;
  /** An instruction left in place (`_Describe…_`, `> Explain…`). */
  sawPrompt: boolean;
  /** Text made only of punctuation ("-", "...", "?"): a stock non-answer. */
  punctuationOnly: string | null;
}

function gather(section: SectionKey, slot: Slot, content: Block[], opts: ClassifyOptions): Gathered {
  const g: Gathered = {
    pieces: [],
    raw: [],
    sawTemplate: false,
    sawUnchecked: false,
    sawClaim: false,
    sawPrompt: false,
    punctuationOnly: null,
  };
  const add = (text: string, isCode = false) => {
    if (text.trim() === "") return;
    if (comparable(text) === "") {
      g.punctuationOnly = text.trim();
      return;
    }
    const kept = isCode
      ? opts.template.code.has(text.trim())
        ? ""
        : comparable(text)
      : authored(text, opts.template);
    if (kept === "") {
      g.sawTemplate = true;
      return;
    }
    g.pieces.push(kept);
    g.raw.push(text.trim());
  };
  // A label line left exactly as the template has it ("Riesgo: `Low|Medium|High`") is template text.
  if (slot.inline)
    add(
      opts.template.lines.has(comparable(`${slot.label} ${slot.inline}`))
        ? `${slot.label}: ${slot.inline}`
        : answerOf(slot.inline, section, opts.aliases),
    );
  const tick = (text: string) => {
    // Ticking a box is the author's own act, even when its text comes from the template, unless the box only
    // claims a plan exists ("Rollback plan documented") or waits for text ("P2 (low) - reason:").
    if (isClaim(text)) g.sawClaim = true;
    else {
      g.pieces.push(comparable(text));
      g.raw.push(text.trim());
    }
  };
  if (slot.kind === "task") {
    if (slot.checked && !slot.inline) tick(slot.label);
    else if (!slot.checked && !slot.inline) g.sawUnchecked = true;
  }
  for (const b of content) {
    switch (b.kind) {
      case "line": {
        const own = authored(b.text, opts.template);
        if (own === "") add(b.text);
        else if (isPrompt(b)) g.sawPrompt = true;
        else add(answerOf(b.text, section, opts.aliases));
        break;
      }
      case "summary":
        add(b.text);
        break;
      case "task":
        if (b.checked) tick(b.text);
        else g.sawUnchecked = true;
        break;
      case "row":
        for (const cell of b.cells) add(cell);
        break;
      case "code":
        add(b.text, true);
        break;
      default:
        break;
    }
  }
  return g;
}

function hadComments(slot: Slot, content: Block[], commentLines: ReadonlySet<number>): boolean {
  const last = content.length ? content[content.length - 1]!.line : slot.line;
  for (let l = slot.line; l <= last + 1; l++) if (commentLines.has(l)) return true;
  return false;
}

/**
 * A slot the template divides into parts is answered only when the text under its own label and every part the
 * template asks about this section unconditionally are answered: an answered part next to a required one left as
 * the template had it (or emptied) is a partial answer, and a partial answer is a placeholder.
 */
export function classifySlot(
  section: SectionKey,
  slot: Slot,
  content: Block[],
  opts: ClassifyOptions,
): SlotVerdict {
  const whole = judge(section, slot, content, opts);
  if (whole.status !== "present" || opts.template.lines.size === 0) return whole;
  const { lead, parts } = templateParts(slot, content, opts.template);
  const required = parts.filter((p) => isRequiredPart(section, p.title, opts.template, opts.aliases));
  if (required.length === 0) return whole;
  const asPart = { ...slot, inline: null, kind: "heading" as const };
  const unanswered = [
    ...(lead && isRequiredPart(section, lead.title, opts.template, opts.aliases)
      ? [{ part: lead, slot }]
      : []),
    ...required.map((part) => ({ part, slot: asPart })),
  ].find(({ part, slot: s }) => judge(section, s, part.blocks, opts).status !== "present");
  return unanswered
    ? {
        status: "placeholder",
        reason: "partial",
        answer: whole.answer,
        stock: unanswered.part.title.slice(0, 60),
      }
    : whole;
}

function judge(section: SectionKey, slot: Slot, content: Block[], opts: ClassifyOptions): SlotVerdict {
  const g = gather(section, slot, content, opts);
  const answer = g.raw.join(" ").replace(/\s+/g, " ").slice(0, 200);
  if (g.pieces.length === 0 && g.punctuationOnly !== null)
    return { status: "placeholder", reason: "stock", answer, stock: g.punctuationOnly.slice(0, 40) };
  if (g.pieces.length === 0) {
    const reason: FindingReason = g.sawClaim
      ? "claim"
      : g.sawTemplate
        ? "template"
        : g.sawPrompt
          ? "prompt"
          : g.sawUnchecked
            ? "unchecked"
            : hadComments(slot, content, opts.commentLines)
              ? "comments"
              : "empty";
    return { status: "placeholder", reason, answer };
  }
  const text = g.pieces.join(" ").replace(/\s+/g, " ").trim();
  const stock = {
    status: "placeholder",
    reason: "stock",
    answer,
    stock: g.raw.join(" ").slice(0, 40),
  } as const;
  // "影響なし", "영향 없음": the section's own name leading a non-answer says nothing more.
  const core = withoutLeadingSectionName(text, section, opts.aliases);
  if (STOCK.has(text) || STOCK.has(core) || opts.placeholders.has(text)) return stock;
  const because = notApplicableReason(core);
  if (because !== null) {
    // Words that only say again that nothing applies ("N/A, no impact", "keine Auswirkungen") give no reason.
    const reason = withoutNonAnswerWords(withoutSectionNames(because, opts.aliases));
    if (countWords(reason) >= MIN_REASON_WORDS && opts.reasonedNa)
      return { status: "present", reason: "reasoned-na", answer };
    return stock;
  }
  const pointer = afterPointer(core);
  if (pointer !== null && countWords(pointer) < MIN_REASON_WORDS) return stock;
  if (afterDeferral(core) !== null && countWords(core) < 12) return stock;
  if (section === "rollback" && onlyFixesForward(text))
    return { status: "placeholder", reason: "fix-forward", answer };
  if (section === "blastRadius" && isBareRating(text))
    return { status: "placeholder", reason: "claim", answer };
  if (opts.template.lines.size === 0 && g.raw.every((r) => r.endsWith("?") || r.endsWith("？")))
    return { status: "placeholder", reason: "question", answer };
  return { status: "present", reason: "answered", answer };
}
