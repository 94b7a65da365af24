#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a as f,b as g,d as p}from"./chunk-T2TPPRQ2.js";import{k as m}from"./chunk-XV3GVWJM.js";import{a as u}from"./chunk-2NASLI2H.js";import"./chunk-A35JKJWR.js";import"./chunk-X3LA6RE6.js";import"./chunk-7MTXNL26.js";import{b as c}from"./chunk-34QXCSFJ.js";import"./chunk-RY6QL62Z.js";import"./chunk-R3UMC7K3.js";async function C(e){let s=await f(e),n=g(s);if("failure"in n)return{outputs:{conclusion:"failure"},...n};let a=e.clock.now(),i=await u(e.gh,e.repo,a,{timezone:n.config.timezone}),t=[],d=await m(e.gh,e.repo,a,{config:s,onError:(o,r)=>{t.push(o),e.log.warning(`#${o}: ${r instanceof Error?r.message:String(r)}`)}}),l=["## change-gate: sweep",i.length?`Closed ${i.length} expired freeze${i.length===1?"":"s"}: ${i.map(o=>`#${o.number} (ended ${c(o.until,n.config.timezone)})`).join(", ")}`:"No expired freezes.",p(d,n.config.timezone)];return e.log.info(l.slice(1).join(`
`)),{outputs:{conclusion:t.length?"failure":"success"},summary:l.join(`

`),failure:t.length?`change-gate could not re-check ${t.map(o=>`#${o}`).join(", ")}`:null}}export{C as runSweepMode};
