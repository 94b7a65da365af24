export { inertText } from "./inert.js";
export { cell, gateSummary, gateTitle, rulesTable } from "./markdown.js";
export { renderText } from "./text.js";
