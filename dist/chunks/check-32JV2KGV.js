#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a as d,b as s,c as f}from"./chunk-XSPB4UIH.js";import{c as n}from"./chunk-S57X7EJF.js";import{b as r,e as m,l}from"./chunk-76CE4T5I.js";import"./chunk-5EG3TZBZ.js";import"./chunk-JY6CLUJR.js";import"./chunk-R33QP4WF.js";async function A(e,a,c){let i=await d(e.config),p=s(e.at,i.timezone,a),u=e.body===void 0?null:n(e.body,"body"),y=r(e.template.map(t=>n(t,"template"))),b=f(e.files),o=m({config:i,at:p,body:u,template:y,environment:e.env??null,files:b});return c(e.format==="json"?`${JSON.stringify(o,null,2)}
`:l(o,e.body==="-"?"<stdin>":e.body??"(no body)")),Object.values(o.gates).some(t=>t.conclusion==="failure")?1:0}export{A as runCheck};
