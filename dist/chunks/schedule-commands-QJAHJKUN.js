#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as s,c}from"./chunk-TRZIHRHK.js";import{a}from"./chunk-S57X7EJF.js";import{f,h as m}from"./chunk-WUK7QPDR.js";import"./chunk-7XTOMZZH.js";import"./chunk-XOETQD7P.js";import"./chunk-4GYHQ63I.js";import"./chunk-R3UMC7K3.js";async function w(n,o,r){if(!n.config)throw new a("explain needs --config FILE");let{config:e,warnings:i}=await s(n.config,n.extends),t=c(n.at,e.timezone,o);return r(m({config:e,environment:n.env??null},t,n.days??7,i)),0}async function v(n,o,r,e){if(!n.config)throw new a("calendar needs --config FILE");let{config:i,warnings:t}=await s(n.config,n.extends);for(let l of t)e(`change-gate: warning: ${l}
`);let d=c(n.at,i.timezone,o);return r(f({config:i,environment:n.env??null},d,n.days??90)),0}export{v as runCalendar,w as runExplain};
