import { type AliasTable, type SectionKey, sectionsNamed } from "./aliases.js";
import type { Block } from "./blocks.js";
import { comparable } from "./normalize.js";
import { isConditional } from "./prompts.js";
import { type Slot, sectionTitle } from "./slots.js";
import type { TemplateText } from "./template.js";

export interface Part {
  title: string;
  blocks: Block[];
}

/**
 * Whether the template asks this part as part of the section: its title or its prompt names the section (the same
 * alias table that finds slots) and its prompt is not conditional. Other parts (notes, screenshots, "if any" extras)
 * are optional.
 */
export function isRequiredPart(
  section: SectionKey,
  title: string,
  template: TemplateText,
  aliases: AliasTable,
): boolean {
  const prompt = template.parts.get(comparable(title)) ?? [];
  if (prompt.some(isConditional) || isConditional(title)) return false;
  return [title, ...prompt].some((t) => sectionsNamed(t, aliases).includes(section));
}

/**
 * The parts the repository's template divides a slot into: the text under the slot's own label, then each
 * sub-heading, bold line, `<summary>` or empty label that the template itself puts there, at any depth. Empty when the
 * template puts no such title inside the slot.
 */
export function templateParts(
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
