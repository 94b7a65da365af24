#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{p as g}from"./chunk-E766WVGY.js";import{i as c,k as a}from"./chunk-BSFRZPRP.js";import{a as r,b as i}from"./chunk-TWWXUDP3.js";import{e as f,i as u}from"./chunk-HISLN6PV.js";import{existsSync as m,readFileSync as l}from"node:fs";import{join as x}from"node:path";async function k(n,e={trustCheckout:!0}){let t=n.inputs.config,o=n.workspace&&e.trustCheckout?x(n.workspace,t):null;if(o&&m(o)){let s=l(o,"utf8");if(!/^_extends\s*:/m.test(s))return u(s,t)}return g(n.gh,n.repo,t)}function S(n){if(n.ok)return{config:n.config};let e=n.errors.map(f);return{failure:`change-gate config is invalid:
${e.join(`
`)}`,summary:["## change-gate: invalid config","","```text",...e,"```"].join(`
`),undecided:!0}}function p(n){return`${n.slice(0,10)} ${n.slice(11,16)} UTC`}function C(n,e){return n.open?`**Open now**${n.closesAt?` \u2014 closes ${i(n.closesAt,n.timezone)} \xB7 ${p(n.closesAt)} (in ${r(e.toISOString(),n.closesAt)})`:""}`:n.nextOpen?`**Next opening:** ${i(n.nextOpen,n.timezone)} \xB7 ${p(n.nextOpen)} (in ${r(e.toISOString(),n.nextOpen)})`:"**Next opening:** none within a year"}function j(n,e,t,o){return[`## ${n}`,`**${c(t.summary)}**`,a(e,t),C(e.schedule,o)].join(`

`)}function v(n,e){let t=n.failures?` (${n.failures} failed)`:"",o=n.nextChange?`; next schedule change ${i(n.nextChange,e)}`:"";return`Re-checked ${n.evaluated} open pull request${n.evaluated===1?"":"s"}${t}${o}.`}export{k as a,S as b,j as c,v as d};
