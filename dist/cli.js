#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a}from"./chunks/chunk-H4T4TVYG.js";import"./chunks/chunk-R33QP4WF.js";import{parseArgs as f}from"node:util";var c=["check","explain","calendar","validate"],i=`Usage:
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
`;function l(r){let[e,...n]=r;if(e===void 0||e==="--help"||e==="-h"||e==="help")return{command:"check",template:[],format:"text",help:!0};if(!c.includes(e))throw new a(`unknown command "${e}"; expected one of: ${c.join(", ")}`);let t;try{t=d(n).values}catch(p){throw new a(p.message)}let s=t.format??"text";if(s!=="json"&&s!=="text")throw new a(`--format must be json or text, not "${s}"`);let o;if(t.days!==void 0&&(o=Number(t.days),!Number.isInteger(o)||o<1||o>366))throw new a(`--days must be a whole number from 1 to 366, not "${t.days}"`);return{command:e,body:t.body,template:t.template??[],config:t.config,at:t.at,env:t.env,files:t.files,format:s,days:o,help:t.help??!1}}function d(r){return f({args:r,strict:!0,allowPositionals:!1,options:{body:{type:"string"},template:{type:"string",multiple:!0},config:{type:"string"},at:{type:"string"},env:{type:"string"},files:{type:"string"},format:{type:"string"},days:{type:"string"},help:{type:"boolean",short:"h"}}})}async function m(r,e){let n;try{if(n=l(r),n.help)return e.out(i),0;switch(n.command){case"check":return await(await import("./chunks/check-MKOSR5BU.js")).runCheck(n,e.now,e.out);case"validate":return await(await import("./chunks/validate-SIZFXLDR.js")).runValidate(n,e.out,e.err);case"explain":return await(await import("./chunks/schedule-commands-T62PTMY7.js")).runExplain(n,e.now,e.out);case"calendar":return await(await import("./chunks/schedule-commands-T62PTMY7.js")).runCalendar(n,e.now,e.out)}}catch(t){if(t instanceof a)return e.err(`change-gate: ${t.message}

${i}`),2;if(t instanceof Error&&t.name==="ConfigFailure")return n?.format==="json"&&e.out(`${JSON.stringify({error:"config",errors:t.errors},null,2)}
`),e.err(`${t.message}
`),2;throw t}}m(process.argv.slice(2),{out:r=>process.stdout.write(r),err:r=>process.stderr.write(r),now:new Date}).then(r=>{process.exitCode=r},r=>{process.stderr.write(`change-gate: internal error: ${r instanceof Error?r.stack??r.message:String(r)}
`),process.exitCode=1});
