#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a,b as c}from"./chunk-XSPB4UIH.js";import{a as t}from"./chunk-S57X7EJF.js";import{e as f,g as m}from"./chunk-5EG3TZBZ.js";import"./chunk-JY6CLUJR.js";import"./chunk-R33QP4WF.js";async function p(n,o,i){if(!n.config)throw new t("explain needs --config FILE");let e=await a(n.config),r=c(n.at,e.timezone,o);return i(m({config:e,environment:n.env??null},r,n.days??7)),0}async function u(n,o,i){if(!n.config)throw new t("calendar needs --config FILE");let e=await a(n.config),r=c(n.at,e.timezone,o);return i(f({config:e,environment:n.env??null},r,n.days??90)),0}export{u as runCalendar,p as runExplain};
