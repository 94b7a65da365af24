#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a,b as c}from"./chunks/chunk-S57X7EJF.js";import"./chunks/chunk-R33QP4WF.js";import{parseArgs as d}from"node:util";var l=["check","explain","calendar","validate"],i=`Usage:
  change-gate check    --body FILE|- [--template FILE]... [--config FILE] [--at ISO] [--env NAME]
                       [--files FILE] [--format json|text]
                       exit 0 pass, 1 blocked, 2 usage/config error
  change-gate explain  --config FILE [--at ISO] [--env NAME] [--days N]
  change-gate calendar --config FILE [--at ISO] [--env NAME] [--days N] > freezes.ics
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
`;function m(r){let[t,...n]=r;if(t===void 0||t==="--help"||t==="-h"||t==="help")return{command:"check",template:[],format:"text",help:!0};if(!l.includes(t))throw new a(`unknown command "${t}"; expected one of: ${l.join(", ")}`);let e;try{e=g(n).values}catch(f){throw new a(f.message)}let s=e.format??"text";if(s!=="json"&&s!=="text")throw new a(`--format must be json or text, not "${s}"`);let o;if(e.days!==void 0&&(o=Number(e.days),!Number.isInteger(o)||o<1||o>366))throw new a(`--days must be a whole number from 1 to 366, not "${e.days}"`);return{command:t,body:e.body,template:e.template??[],config:e.config,at:e.at,env:e.env,files:e.files,format:s,days:o,help:e.help??!1}}function g(r){return d({args:r,strict:!0,allowPositionals:!1,options:{body:{type:"string"},template:{type:"string",multiple:!0},config:{type:"string"},at:{type:"string"},env:{type:"string"},files:{type:"string"},format:{type:"string"},days:{type:"string"},help:{type:"boolean",short:"h"}}})}async function p(r,t){let n;try{if(n=m(r),n.help)return t.out(i),0;switch(n.command){case"check":return await(await import("./chunks/check-32JV2KGV.js")).runCheck(n,t.now,t.out);case"validate":return await(await import("./chunks/validate-EDODPVVA.js")).runValidate(n,t.out,t.err);case"explain":return await(await import("./chunks/schedule-commands-CRQH7PDR.js")).runExplain(n,t.now,t.out);case"calendar":return await(await import("./chunks/schedule-commands-CRQH7PDR.js")).runCalendar(n,t.now,t.out)}}catch(e){if(e instanceof a)return t.err(`change-gate: ${e.message}

${i}`),2;if(e instanceof c)return t.err(`change-gate: ${e.message}
`),2;if(e instanceof Error&&e.name==="ConfigFailure")return n?.format==="json"&&t.out(`${JSON.stringify({error:"config",errors:e.errors},null,2)}
`),t.err(`${e.message}
`),2;throw e}}p(process.argv.slice(2),{out:r=>process.stdout.write(r),err:r=>process.stderr.write(r),now:new Date}).then(r=>{process.exitCode=r},r=>{process.stderr.write(`change-gate: internal error: ${r instanceof Error?r.stack??r.message:String(r)}
`),process.exitCode=1});
