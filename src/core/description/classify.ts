import { type AliasTable, type SectionKey, sectionsNamed, withoutSectionNames } from "./aliases.js";
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

/** Words that name a rating, stripped before judging whether an answer is only a rating ("Risk level: Medium"). */
const RATING_NAME = new Set(
  "risk risks level rating impact severity blast radius overall estimated expected assessment class is the of de du des da do very quite relatively risco riesgo nivel nível nivell é es risiko stufe einstufung ist niveau risque est impacto auswirkung auswirkungen".split(
    " ",
  ),
);
const RATING_LEVEL = new Set(
  "low lo medium med moderate mid middle high hi critical minimal minor major small large severe negligible trivial baixo baixa médio média medio media alto alta bajo baja crítico critico crítica niedrig mittel hoch gering kritisch faible moyen moyenne élevé eleve critique 낮음 보통 높음 중간 심각".split(
    " ",
  ),
);
/** CJK rating names and levels, matched inside a run: "リスクレベル中", "风险等级：低". */
const CJK_RATING_NAME_RE =
  /リスク|レベル|影響度|影響|风险|風險|等级|等級|级别|級別|程度|위험도|위험|수준|영향도/gu;
const CJK_RATING_LEVEL_RE = /^(?:低|中|高|小|大|極小|极小)+$/u;

/**
 * An answer that is only a rating ("Medium", "Risk: low", "リスク: 中") names no system and no worst case: it says
 * how big, not what. Any other word makes it an answer.
 */
export function isBareRating(text: string): boolean {
  let level = false;
  for (const w of text.split(" ")) {
    if (RATING_LEVEL.has(w)) level = true;
    else if (RATING_NAME.has(w)) continue;
    else {
      const rest = w.replace(CJK_RATING_NAME_RE, "");
      if (rest === "") continue;
      if (!CJK_RATING_LEVEL_RE.test(rest)) return false;
      level = true;
    }
  }
  return level;
}

/**
 * How instructions to the author open, in the languages of the alias table: an imperative ("Describe…", "Beschreibe…",
 * "Descreva…", "Décrivez…"), a request ("Please…", "Bitte…", "Veuillez…") or a question word ("How…", "Wie…").
 */
const INSTRUCTION_START_RE =
  /^(?:please|pls|describe|explain|list|include|add|provide|mention|summari[sz]e|specify|outline|document|detail|identify|write|link|attach|share|tell|enter|fill|give|insert|replace|how|what|which|why|descreva|descrever|explique|explica|liste|listar|inclua|adicione|informe|indique|detalhe|detalle|detalla|coloque|escreva|escribe|escriba|describa|enumera|enumere|incluya|incluye|añade|agrega|agregue|cómo|qual|quais|cuál|cuáles|qué|por favor|beschreibe|beschreiben|erkläre|erläutere|erläutern|nenne|nennen|liste|füge|gib|trage|bitte|wie|welche|warum|décrivez|décris|décrire|expliquez|listez|indiquez|précisez|ajoutez|mentionnez|merci|veuillez|comment|pourquoi)(?:\s|$)/u;
/** CJK instructions are recognised by their request or writing verbs anywhere in the line. */
const CJK_INSTRUCTION_RE =
  /ください|下さい|記載|記述|記入|書いて|説明して|列挙|してください|请|請|描述|说明|說明|列出|填写|填寫|简述|簡述|작성|설명|기술해|적어|주세요|입력/u;

/** A line in a quote or wholly emphasised that instructs the author: a prompt left in place, template or not. */
function isPrompt(b: Block): boolean {
  if (b.kind !== "line" || b.voice === null) return false;
  const c = comparable(b.text);
  return INSTRUCTION_START_RE.test(c) || CJK_INSTRUCTION_RE.test(c) || /[?？]\s*$/u.test(b.text);
}

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

function gather(slot: Slot, content: Block[], opts: ClassifyOptions): Gathered {
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
        if (isPrompt(b) && authored(b.text, opts.template) !== "") g.sawPrompt = true;
        else add(b.text);
        break;
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
  if (text === "" || STOCK.has(text) || opts.placeholders.has(text))
    return { status: "placeholder", reason: "stock", answer, stock: g.raw.join(" ").slice(0, 40) };
  const stock = {
    status: "placeholder",
    reason: "stock",
    answer,
    stock: g.raw.join(" ").slice(0, 40),
  } as const;
  const because = notApplicableReason(text);
  if (because !== null) {
    // Words that only say again that nothing applies ("N/A, no impact", "keine Auswirkungen") give no reason.
    const reason = withoutNonAnswerWords(withoutSectionNames(because, opts.aliases));
    if (countWords(reason) >= MIN_REASON_WORDS && opts.reasonedNa)
      return { status: "present", reason: "reasoned-na", answer };
    return stock;
  }
  const pointer = afterPointer(text);
  if (pointer !== null && countWords(pointer) < MIN_REASON_WORDS) return stock;
  const deferred = afterDeferral(text);
  if (deferred !== null && countWords(text) < 12) return stock;
  if (section === "rollback" && onlyFixesForward(text))
    return { status: "placeholder", reason: "fix-forward", answer };
  if (section === "blastRadius" && isBareRating(text))
    return { status: "placeholder", reason: "claim", answer };
  if (opts.template.lines.size === 0 && g.raw.every((r) => r.endsWith("?") || r.endsWith("？")))
    return { status: "placeholder", reason: "question", answer };
  return { status: "present", reason: "answered", answer };
}
