#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{evaluateChange,readTemplates,renderText}from"./chunk-WOSM3MY4.js";import{readChangedFiles,readConfig,resolveAt}from"./chunk-JLICKRHJ.js";import"./chunk-4NNVDGZW.js";import{readText}from"./chunk-VMKE37ER.js";import"./chunk-C47STEFQ.js";import"./chunk-ND4FEO4J.js";async function runCheck(args,now,out){let config=await readConfig(args.config),at=resolveAt(args.at,config.timezone,now),body=args.body===void 0?null:readText(args.body,"body"),template=readTemplates(args.template.map(t=>readText(t,"template"))),files=readChangedFiles(args.files),report=evaluateChange({config,at,body,template,environment:args.env??null,files});return out(args.format==="json"?`${JSON.stringify(report,null,2)}
`:renderText(report,args.body==="-"?"<stdin>":args.body??"(no body)")),Object.values(report.gates).some(g=>g.conclusion==="failure")?1:0}export{runCheck};
