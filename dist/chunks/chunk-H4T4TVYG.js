#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{readFileSync as n}from"node:fs";var t=class extends Error{};function i(e,s){try{let r=e==="-"?n(0):n(e);return new TextDecoder("utf-8",{fatal:!1}).decode(r)}catch(r){let o=r.code,c=o==="ENOENT"?"no such file":o==="EISDIR"?"it is a directory":r.message;throw new t(`cannot read ${s} ${e==="-"?"from standard input":`"${e}"`}: ${c}`)}}export{t as a,i as b};
