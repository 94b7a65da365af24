#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{formatConfigError,loadConfigAsync}from"./chunk-Y57WW4BA.js";import{UsageError,readText}from"./chunk-VMKE37ER.js";import"./chunk-C47STEFQ.js";import"./chunk-ND4FEO4J.js";async function runValidate(args,out,err){if(!args.config)throw new UsageError("validate needs --config FILE");let result=await loadConfigAsync(readText(args.config,"config"),args.config);if(result.ok)return out(`${args.config}: ok
`),0;for(let e of result.errors)err(`${formatConfigError(e)}
`);return err(`${result.errors.length} error${result.errors.length>1?"s":""} in ${args.config}
`),2}export{runValidate};
