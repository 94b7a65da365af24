#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{e as t,i as f}from"./chunk-B7PMFATF.js";import{a as i,c as e}from"./chunk-S57X7EJF.js";import"./chunk-JY6CLUJR.js";import"./chunk-R33QP4WF.js";async function a(r,s,n){if(!r.config)throw new i("validate needs --config FILE");let o=await f(e(r.config,"config"),r.config);if(o.ok)return s(`${r.config}: ok
`),0;for(let g of o.errors)n(`${t(g)}
`);return n(`${o.errors.length} error${o.errors.length>1?"s":""} in ${r.config}
`),2}export{a as runValidate};
