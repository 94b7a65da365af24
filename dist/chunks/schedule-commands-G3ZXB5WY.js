#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a,b as c}from"./chunk-TGJI6AGA.js";import{a as t}from"./chunk-H4T4TVYG.js";import{e as f,f as m}from"./chunk-34QXCSFJ.js";import"./chunk-RY6QL62Z.js";import"./chunk-R3UMC7K3.js";async function p(n,o,i){if(!n.config)throw new t("explain needs --config FILE");let e=await a(n.config),r=c(n.at,e.timezone,o);return i(m({config:e,environment:n.env??null},r,n.days??7)),0}async function u(n,o,i){if(!n.config)throw new t("calendar needs --config FILE");let e=await a(n.config),r=c(n.at,e.timezone,o);return i(f({config:e,environment:n.env??null},r,n.days??90)),0}export{u as runCalendar,p as runExplain};
