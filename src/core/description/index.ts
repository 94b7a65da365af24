export { BUILT_IN_ALIASES, SECTION_KEYS, SECTION_TITLE, type SectionKey } from "./aliases.js";
export type { FindingReason, SectionStatus } from "./classify.js";
export { MAX_BODY_CHARS } from "./input.js";
export {
  type ChangeRecord,
  type DescriptionOptions,
  parseDescription,
  type SectionFinding,
} from "./parse-description.js";
export { NO_TEMPLATE, readTemplates, type TemplateText } from "./template.js";
