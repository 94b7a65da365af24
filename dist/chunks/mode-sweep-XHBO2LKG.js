#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a as f,b as g,d as p}from"./chunk-IWITDP4K.js";import{k as m}from"./chunk-6AQOG7SX.js";import{a as u}from"./chunk-QKTWTQIQ.js";import"./chunk-B7PMFATF.js";import"./chunk-76CE4T5I.js";import{b as c}from"./chunk-5EG3TZBZ.js";import"./chunk-JY6CLUJR.js";import"./chunk-R33QP4WF.js";async function C(e){let s=await f(e),n=g(s);if("failure"in n)return{outputs:{conclusion:"failure"},...n};let a=e.clock.now(),i=await u(e.gh,e.repo,a,{timezone:n.config.timezone}),t=[],d=await m(e.gh,e.repo,a,{config:s,onError:(o,r)=>{t.push(o),e.log.warning(`#${o}: ${r instanceof Error?r.message:String(r)}`)}}),l=["## change-gate: sweep",i.length?`Closed ${i.length} expired freeze${i.length===1?"":"s"}: ${i.map(o=>`#${o.number} (ended ${c(o.until,n.config.timezone)})`).join(", ")}`:"No expired freezes.",p(d,n.config.timezone)];return e.log.info(l.slice(1).join(`
`)),{outputs:{conclusion:t.length?"failure":"success"},summary:l.join(`

`),failure:t.length?`change-gate could not re-check ${t.map(o=>`#${o}`).join(", ")}`:null}}export{C as runSweepMode};
