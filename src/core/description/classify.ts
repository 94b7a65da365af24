import { type AliasTable, type SectionKey, sectionsNamed } from "./aliases.js";
import type { Block } from "./blocks.js";
import { comparable } from "./normalize.js";
import { type Slot, sectionTitle } from "./slots.js";
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

/** Whole answers that say nothing (compared after folding case and punctuation). */
const STOCK = new Set(
  [
    "tbd",
    "tba",
    "tbc",
    "tbd tbd",
    "n a",
    "na",
    "none",
    "nothing",
    "no",
    "nope",
    "nil",
    "null",
    "todo",
    "to do",
    "wip",
    "x",
    "same as above",
    "see above",
    "as above",
    "see description",
    "see pr description",
    "see ticket",
    "see jira",
    "later",
    "pending",
    "unknown",
    "idk",
    "not sure",
    "yes",
    "ok",
    "lorem ipsum",
    "fill in",
    "fill me in",
    "your text here",
    "なし",
    "特になし",
    "無し",
    "未定",
    "不明",
    "なし です",
    "无",
    "暂无",
    "無",
    "没有",
    "待定",
    "nenhum",
    "nenhuma",
    "nada",
    "ninguno",
    "ninguna",
    "keine",
    "keiner",
    "entfällt",
    "k a",
    "n v",
    "aucun",
    "rien",
    "없음",
  ].map(comparable),
);

/** Starts of a "not applicable" answer; followed by a reason it is an answer (configurable). */
const NA_START_RE =
  /^(?:n a|na|none|nothing|not applicable|not needed|no|keine|nenhum|nenhuma|ninguno|ninguna|nada|aucun|なし|特になし|无|不适用|해당 없음)\b\s*(.*)$/u;

/** Starts of an answer deferred to later: never an answer, whatever follows, unless it is long. */
const DEFER_START_RE =
  /^(?:tbd|tba|tbc|todo|to do|wip|will add|will update|will fill|coming soon|pending|later|pendiente|pendente|por definir|a definir|ausstehend|folgt|未定|待定|後で|あとで)(?:\b|$)/u;

const FIX_FORWARD_RE = /\b(?:fix|fixing|roll|rolling|push|pushing)\s*(?:a\s+)?forward\b/u;
/** Words that carry no rollback step, ignored when judging a fix-forward answer. */
const FILLER = new Set(
  "we will ll just fix fixing forward roll rolling push pushing it the if needed any issues issue problems problem and or a by would with instead there is are be no rollback plan".split(
    " ",
  ),
);

/** Words that make a ticked box a claim about a plan rather than the plan itself. */
const CLAIM_RE =
  /\b(?:plan|plans|procedure|process|steps|strategy|notes|documented|runbook|defined|tested|considered|prepared|exists|assessed|reviewed|identified|plano|planes|procedimiento)\b|手順|方案|计划|計画|プラン/u;

function isClaim(text: string): boolean {
  return /[:：]\s*$/.test(text.trim()) || CLAIM_RE.test(comparable(text));
}

function countWords(text: string): number {
  return text === "" ? 0 : text.split(" ").length;
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

interface Gathered {
  pieces: string[];
  raw: string[];
  sawTemplate: boolean;
  sawUnchecked: boolean;
  /** A ticked box that only claims the plan exists. */
  sawClaim: boolean;
  /** Text made only of punctuation ("-", "...", "?"): a stock non-answer. */
  punctuationOnly: string | null;
}

function gather(slot: Slot, content: Block[], opts: ClassifyOptions): Gathered {
  const g: Gathered = {
    pieces: [],
    raw: [],
    sawTemplate: false,
    sawUnchecked: false,
    sawClaim: false,
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
        : slot.inline,
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
      case "line":
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

interface Part {
  title: string;
  blocks: Block[];
}

/**
 * Prompts that ask for something only when it applies ("If this touches billing, …", "Is there any impact on
 * operations?"): a part holding only such a prompt may be left as the template had it.
 */
const CONDITIONAL_RE =
  /(?:^|\s)(?:if|whether|optional|optionally|falls|wenn|ob|optionnel|facultatif|opcional|caso|si|se)(?:\s|$)|場合|あれば|かどうか|任意|如果|若有|是否|有无|有無|可选|경우|있다면|있으면|있는지|선택/u;
/** Yes/no questions: "Any impact on …?", "Does this change …?", "影響があるか", "有影响吗". */
const YES_NO_RE =
  /^(?:any|is|are|does|do|did|will|would|can|could|has|have|should|gibt es|hat|ist|sind|wird|há|existe|hay|tiene|y a t il|est ce)\s.*[?？]$|(?:ある|ない|ます)か[?？]?$|吗[?？]?$|(?:나요|니까|습니까)[?？]?$/u;

function isConditional(line: string): boolean {
  const c = comparable(line);
  const asked = /[?？][\s)）]*$/u.test(line) ? "?" : "";
  return CONDITIONAL_RE.test(c) || YES_NO_RE.test(c + asked);
}

/**
 * Whether the template asks this part as part of the section: its title or its prompt names the section (the same
 * alias table that finds slots) and its prompt is not conditional. Other parts (notes, screenshots, "if any" extras)
 * are optional.
 */
function isRequiredPart(section: SectionKey, title: string, opts: ClassifyOptions): boolean {
  const prompt = opts.template.parts.get(comparable(title)) ?? [];
  if (prompt.some(isConditional) || isConditional(title)) return false;
  return [title, ...prompt].some((t) => sectionsNamed(t, opts.aliases).includes(section));
}

/**
 * The parts the repository's template divides a slot into: the text under the slot's own label, then each
 * sub-heading, bold line, `<summary>` or empty label that the template itself puts there, at any depth. Empty when the
 * template puts no such title inside the slot.
 */
function templateParts(
  slot: Slot,
  content: Block[],
  template: TemplateText,
): { lead: Part | null; parts: Part[] } {
  const lead: Part = { title: slot.label, blocks: [] };
  const parts: Part[] = [];
  for (const b of content) {
    const title = sectionTitle(b);
    if (title !== null && template.lines.has(comparable(title)))
      parts.push({ title: title.trim(), blocks: [] });
    else (parts[parts.length - 1] ?? lead).blocks.push(b);
  }
  // The text under the slot's own label is a part only when the body has something there (an inline answer too).
  const leadShown =
    slot.inline !== null || lead.blocks.some((b) => b.kind !== "heading" && b.kind !== "details");
  return { lead: leadShown ? lead : null, parts };
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
  const required = parts.filter((p) => isRequiredPart(section, p.title, opts));
  if (required.length === 0) return whole;
  const asPart = { ...slot, inline: null, kind: "heading" as const };
  const unanswered = [
    ...(lead && isRequiredPart(section, lead.title, opts) ? [{ part: lead, slot }] : []),
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
  const g = gather(slot, content, opts);
  const answer = g.raw.join(" ").replace(/\s+/g, " ").slice(0, 200);
  if (g.pieces.length === 0 && g.punctuationOnly !== null)
    return { status: "placeholder", reason: "stock", answer, stock: g.punctuationOnly.slice(0, 40) };
  if (g.pieces.length === 0) {
    const reason: FindingReason = g.sawClaim
      ? "claim"
      : g.sawTemplate
        ? "template"
        : g.sawUnchecked
          ? "unchecked"
          : hadComments(slot, content, opts.commentLines)
            ? "comments"
            : "empty";
    return { status: "placeholder", reason, answer };
  }
  const text = g.pieces.join(" ").replace(/\s+/g, " ").trim();
  if (text === "" || STOCK.has(text) || opts.placeholders.has(text))
    return { status: "placeholder", reason: "stock", answer, stock: g.raw.join(" ").slice(0, 40) };
  const na = NA_START_RE.exec(text);
  if (na) {
    const because = countWords(na[1] ?? "");
    if (because >= 3 && opts.reasonedNa) return { status: "present", reason: "reasoned-na", answer };
    return { status: "placeholder", reason: "stock", answer, stock: g.raw.join(" ").slice(0, 40) };
  }
  if (DEFER_START_RE.test(text) && countWords(text) < 12)
    return { status: "placeholder", reason: "stock", answer, stock: g.raw.join(" ").slice(0, 40) };
  if (section === "rollback" && FIX_FORWARD_RE.test(text)) {
    const steps = text.split(" ").filter((w) => !FILLER.has(w));
    if (steps.length < 3) return { status: "placeholder", reason: "fix-forward", answer };
  }
  if (opts.template.lines.size === 0 && g.raw.every((r) => r.endsWith("?") || r.endsWith("？")))
    return { status: "placeholder", reason: "question", answer };
  return { status: "present", reason: "answered", answer };
}
