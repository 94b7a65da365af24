#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{D as g}from"./chunk-HKMPFH63.js";import{d as f,h as u}from"./chunk-QDT3DKST.js";import{e as s,g as a}from"./chunk-VZQMEYBG.js";import{a as c,b as r}from"./chunk-WUK7QPDR.js";import{existsSync as m,readFileSync as l}from"node:fs";import{join as x}from"node:path";async function k(n,e={trustCheckout:!0}){let t=n.inputs.config,o=n.workspace&&e.trustCheckout?x(n.workspace,t):null;if(o&&m(o)){let i=l(o,"utf8");if(!/^_extends\s*:/m.test(i))return u(i,t)}return g(n.gh,n.repo,t)}function S(n){if(n.ok)return{config:n.config};let e=n.errors.map(f);return{failure:`change-gate config is invalid:
${e.join(`
`)}`,summary:["## change-gate: invalid config","","```text",...e,"```"].join(`
`),undecided:!0}}function p(n){return`${n.slice(0,10)} ${n.slice(11,16)} UTC`}function d(n,e){return n.open?`**Open now**${n.closesAt?` \u2014 closes ${r(n.closesAt,n.timezone)} \xB7 ${p(n.closesAt)} (in ${c(e.toISOString(),n.closesAt)})`:""}`:n.nextOpen?`**Next opening:** ${r(n.nextOpen,n.timezone)} \xB7 ${p(n.nextOpen)} (in ${c(e.toISOString(),n.nextOpen)})`:"**Next opening:** none within a year"}function j(n,e,t,o){return[`## ${n}`,`**${s(t.summary)}**`,a(e,t),d(e.schedule,o)].join(`

`)}function v(n,e){let t=n.failures?` (${n.failures} failed)`:"",o=n.untouched?`, ${n.untouched} of them unaffected by the change (check left as it was)`:"",i=n.nextChange?`; next schedule change ${r(n.nextChange,e)}`:"";return`Re-checked ${n.evaluated} open pull request${n.evaluated===1?"":"s"}${t}${o}${i}.`}export{k as a,S as b,j as c,v as d};
