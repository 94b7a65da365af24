#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{UsageError}from"./chunks/chunk-VMKE37ER.js";import"./chunks/chunk-ND4FEO4J.js";import{parseArgs}from"node:util";var COMMANDS=["check","explain","calendar","validate"],USAGE=`Usage:
  change-gate check    --body FILE|- [--template FILE]... [--config FILE] [--at ISO] [--env NAME]
                       [--files FILE] [--format json|text]
                       exit 0 pass, 1 blocked, 2 usage/config error
  change-gate explain  --config FILE [--at ISO] [--env NAME] [--days N]
  change-gate calendar --config FILE [--at ISO] [--days N] > freezes.ics
  change-gate validate --config FILE

  --body      PR description (Markdown); "-" reads standard input. Optional for schedule-only checks.
  --template  the repository's PR template(s), to recognise text left in place
  --config    .github/change-gate.yml; without it the documented defaults apply
  --at        instant to evaluate (ISO 8601; without an offset it is read in the config's time zone); default now
  --env       deployment environment (environments.<name> in the config)
  --files     changed files: a JSON array ({filename|path, additions, deletions}), \`git diff --numstat\` output,
              or one path per line
  --format    text (default, for people) or json (the stable contract)
  --days      how many days explain/calendar cover (explain: 7, calendar: 90)
`;function parseCli(argv){let[command,...rest]=argv;if(command===void 0||command==="--help"||command==="-h"||command==="help")return{command:"check",template:[],format:"text",help:!0};if(!COMMANDS.includes(command))throw new UsageError(`unknown command "${command}"; expected one of: ${COMMANDS.join(", ")}`);let values;try{values=parse(rest).values}catch(e){throw new UsageError(e.message)}let format=values.format??"text";if(format!=="json"&&format!=="text")throw new UsageError(`--format must be json or text, not "${format}"`);let days;if(values.days!==void 0&&(days=Number(values.days),!Number.isInteger(days)||days<1||days>366))throw new UsageError(`--days must be a whole number from 1 to 366, not "${values.days}"`);return{command,body:values.body,template:values.template??[],config:values.config,at:values.at,env:values.env,files:values.files,format,days,help:values.help??!1}}function parse(args){return parseArgs({args,strict:!0,allowPositionals:!1,options:{body:{type:"string"},template:{type:"string",multiple:!0},config:{type:"string"},at:{type:"string"},env:{type:"string"},files:{type:"string"},format:{type:"string"},days:{type:"string"},help:{type:"boolean",short:"h"}}})}async function main(argv,io){let args;try{if(args=parseCli(argv),args.help)return io.out(USAGE),0;switch(args.command){case"check":return await(await import("./chunks/check-BQFZVKZ6.js")).runCheck(args,io.now,io.out);case"validate":return await(await import("./chunks/validate-DABIOXYZ.js")).runValidate(args,io.out,io.err);case"explain":return await(await import("./chunks/schedule-commands-IM2XN3KF.js")).runExplain(args,io.now,io.out);case"calendar":return await(await import("./chunks/schedule-commands-IM2XN3KF.js")).runCalendar(args,io.now,io.out)}}catch(e){if(e instanceof UsageError)return io.err(`change-gate: ${e.message}

${USAGE}`),2;if(e instanceof Error&&e.name==="ConfigFailure")return args?.format==="json"&&io.out(`${JSON.stringify({error:"config",errors:e.errors},null,2)}
`),io.err(`${e.message}
`),2;throw e}}main(process.argv.slice(2),{out:s=>process.stdout.write(s),err:s=>process.stderr.write(s),now:new Date}).then(code=>{process.exitCode=code},e=>{process.stderr.write(`change-gate: internal error: ${e instanceof Error?e.stack??e.message:String(e)}
`),process.exitCode=1});
