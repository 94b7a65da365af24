#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a as s,b as g}from"./chunk-TRZIHRHK.js";import{a as t}from"./chunk-S57X7EJF.js";import{d as f}from"./chunk-QDT3DKST.js";import"./chunk-X3LA6RE6.js";import"./chunk-7XTOMZZH.js";import"./chunk-XOETQD7P.js";import"./chunk-4GYHQ63I.js";import"./chunk-R3UMC7K3.js";async function w(o,c,n){if(!o.config)throw new t("validate needs --config FILE");let i;try{({warnings:i}=await g(o.config,o.extends))}catch(r){if(!(r instanceof s))throw r;for(let e of r.errors)n(`${f(e)}
`);let a=[...new Set(r.errors.map(e=>e.file))].join(", ")||o.config;return n(`${r.errors.length} error${r.errors.length>1?"s":""} in ${a}
`),2}for(let r of i)n(`change-gate: warning: ${r}
`);return c(`${o.config}${o.extends?` (over ${o.extends})`:""}: ok
`),0}export{w as runValidate};
