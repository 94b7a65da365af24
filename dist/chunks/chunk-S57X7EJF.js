#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{readFileSync as n}from"node:fs";var s=class extends Error{},t=class extends Error{};function i(e,c){try{let r=e==="-"?n(0):n(e);return new TextDecoder("utf-8",{fatal:!1}).decode(r)}catch(r){let o=r.code,d=o==="ENOENT"?"no such file":o==="EISDIR"?"it is a directory":r.message;throw new t(`cannot read ${c} ${e==="-"?"from standard input":`"${e}"`}: ${d}`)}}export{s as a,t as b,i as c};
