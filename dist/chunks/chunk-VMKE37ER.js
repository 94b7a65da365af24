#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{readFileSync}from"node:fs";var UsageError=class extends Error{};function readText(path,what){try{let bytes=path==="-"?readFileSync(0):readFileSync(path);return new TextDecoder("utf-8",{fatal:!1}).decode(bytes)}catch(e){let code=e.code,why=code==="ENOENT"?"no such file":code==="EISDIR"?"it is a directory":e.message;throw new UsageError(`cannot read ${what} ${path==="-"?"from standard input":`"${path}"`}: ${why}`)}}export{UsageError,readText};
