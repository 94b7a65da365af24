#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a,b as c}from"./chunk-LJIPTAXU.js";import{e as f,f as m}from"./chunk-TWWXUDP3.js";import{a as t}from"./chunk-H4T4TVYG.js";import"./chunk-ZWQHUYMZ.js";import"./chunk-R33QP4WF.js";async function p(n,o,i){if(!n.config)throw new t("explain needs --config FILE");let e=await a(n.config),r=c(n.at,e.timezone,o);return i(m({config:e,environment:n.env??null},r,n.days??7)),0}async function u(n,o,i){if(!n.config)throw new t("calendar needs --config FILE");let e=await a(n.config),r=c(n.at,e.timezone,o);return i(f({config:e,environment:n.env??null},r,n.days??90)),0}export{u as runCalendar,p as runExplain};
