#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a as o,b as u}from"./chunks/chunk-S57X7EJF.js";import{i as f,p as g}from"./chunks/chunk-XOETQD7P.js";import"./chunks/chunk-R3UMC7K3.js";import{parseArgs as R}from"node:util";var h=["check","explain","calendar","validate"],d=`Usage:
  change-gate check    --body FILE|- [--template FILE]... [--config FILE] [--extends FILE] [--at ISO]
                       [--env NAME] [--files FILE] [--labels A,B] [--author LOGIN] [--draft]
                       [--format json|text]
                       exit 0 pass, 1 blocked, 2 usage/config error
  change-gate explain  --config FILE [--extends FILE] [--at ISO] [--env NAME] [--days N]
  change-gate calendar --config FILE [--extends FILE] [--at ISO] [--env NAME] [--days N] > freezes.ics
  change-gate validate --config FILE [--extends FILE]
  change-gate recent   --repo OWNER/REPO --env NAME [--since 3h] [--format text|json]
  change-gate report   --repo OWNER/REPO [--since 30d] [--env NAME] [--format markdown|json|html]
                       (recent, report: GITHUB_TOKEN, and GITHUB_API_URL for GitHub Enterprise Server)

  --body      PR description (Markdown); "-" reads standard input. Optional for schedule-only checks.
  --template  the repository's PR template(s), to recognise text left in place
  --config    .github/change-gate.yml; without it the documented defaults apply
  --extends   the config that --config's \`_extends\` names (e.g. the org's .github/change-gate.yml), merged
              under it as the App does (every command); without it an \`_extends\` is not applied and the command
              warns: check in its output, explain as a Warning: line, calendar and validate on stderr
  --at        instant to evaluate (ISO 8601; without an offset it is read in the config's time zone); default now
  --env       deployment environment (environments.<name> in the config)
  --files     changed files: a JSON array ({filename|path, additions, deletions}), \`git diff --numstat\` output,
              or one path per line; without it, risk is "unknown" when a risk rule reads paths or sizes
  --labels    the PR's labels, comma-separated (description.skip.labels, risk rules by label)
  --author    the PR author's login (description.skip.authors; a login ending in [bot] is a bot)
  --draft     the PR is a draft: the merge gate is neutral (not enforced) until it is ready for review
  --format    text (default, for people) or json (the stable contract)
  --days      how many days explain/calendar cover (explain: 7, calendar: 90)
`;function w(n){let[t,...r]=n;if(t===void 0||t==="--help"||t==="-h"||t==="help")return{command:"check",template:[],labels:[],draft:!1,format:"text",help:!0};if(!h.includes(t))throw new o(`unknown command "${t}"; expected one of: ${h.join(", ")}`);let e;try{e=C(r).values}catch(i){throw new o(i.message)}let a=e.format??"text";if(a!=="json"&&a!=="text")throw new o(`--format must be json or text, not "${a}"`);let s;if(e.days!==void 0&&(s=Number(e.days),!Number.isInteger(s)||s<1||s>366))throw new o(`--days must be a whole number from 1 to 366, not "${e.days}"`);return{command:t,body:e.body,template:e.template??[],config:e.config,at:e.at,env:e.env,files:e.files,labels:N(e.labels),author:e.author?.trim().replace(/^@/,"")||void 0,extends:e.extends,draft:e.draft??!1,format:a,days:s,help:e.help??!1}}function N(n){return(n??[]).flatMap(t=>t.split(",")).map(t=>t.trim()).filter(t=>t!=="")}function C(n){return R({args:n,strict:!0,allowPositionals:!1,options:{body:{type:"string"},template:{type:"string",multiple:!0},config:{type:"string"},at:{type:"string"},env:{type:"string"},files:{type:"string"},labels:{type:"string",multiple:!0},author:{type:"string"},extends:{type:"string"},draft:{type:"boolean"},format:{type:"string"},days:{type:"string"},help:{type:"boolean",short:"h"}}})}import{parseArgs as A}from"node:util";var O={recent:["text","json"],report:["markdown","json","html"]},I=36e5;function k(n,t){let r=f(n);if(r){let a=((r.weeks*7+r.days)*24+r.hours)*I+r.minutes*6e4;return new Date(t.getTime()-a)}let e=g(n);if(e?.kind==="instant")return new Date(e.instant.epochMilliseconds);if(e)return new Date(e.local.toZonedDateTime("UTC",{disambiguation:"compatible"}).epochMilliseconds);throw new o(`--since "${n}" is neither a duration (3h, 30d, 2w) nor a date-time (2026-11-01)`)}function y(n,t){let r=n[0],e;try{e=A({args:n.slice(1),strict:!0,allowPositionals:!1,options:{repo:{type:"string"},env:{type:"string"},since:{type:"string"},format:{type:"string"},help:{type:"boolean",short:"h"}}}).values}catch(v){throw new o(v.message)}let a=e.help===!0,s=O[r],i=e.format??s[0];if(!a&&!s.includes(i))throw new o(`${r} --format must be ${s.join(", ")}, not "${i}"`);let c=e.repo,m=c?/^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(c):null;if(!a&&!m)throw new o(`${r} needs --repo OWNER/REPO${c?`, not "${c}"`:""}`);let p=e.env??null;if(!a&&r==="recent"&&!p)throw new o("recent needs --env NAME");let l=k(e.since??(r==="recent"?"3h":"30d"),t);if(l.getTime()>t.getTime())throw new o("--since is in the future");return{command:r,owner:m?.[1]??"",repo:m?.[2]??"",environment:p,since:l,format:i,help:a}}var E=["recent","report"],M=`  change-gate recent   --repo OWNER/REPO --env NAME [--since 3h] [--format text|json]
  change-gate report   --repo OWNER/REPO [--since 30d] [--env NAME] [--format markdown|json|html]
                       read GITHUB_TOKEN (and GITHUB_API_URL for GitHub Enterprise Server)
`;async function b(n,t){let r=y(n,t.now);if(r.help)return t.out(M),0;try{return r.command==="recent"?await(await import("./chunks/recent-FUILFT3I.js")).runRecent(r,t):await(await import("./chunks/report-IDLJ2QAJ.js")).runReport(r,t)}catch(e){let a=e.status;if(typeof a!="number")throw e;let s=e.request;return t.err(`change-gate: GitHub answered ${a} to ${s?.method??""} ${s?.url??""}: ${e.message}
`+(a===401||a===403||a===404?`Check that GITHUB_TOKEN can read the repository's contents, pull requests and deployments.
`:"")),1}}async function x(n,t){let r;try{if(E.includes(n[0]??""))return await b(n,{...t,env:t.env??process.env});if(r=w(n),r.help)return t.out(d),0;switch(r.command){case"check":return await(await import("./chunks/check-KUCT5INJ.js")).runCheck(r,t.now,t.out);case"validate":return await(await import("./chunks/validate-OICJTIJ2.js")).runValidate(r,t.out,t.err);case"explain":return await(await import("./chunks/schedule-commands-QJAHJKUN.js")).runExplain(r,t.now,t.out);case"calendar":return await(await import("./chunks/schedule-commands-QJAHJKUN.js")).runCalendar(r,t.now,t.out,t.err)}}catch(e){if(e instanceof o)return t.err(`change-gate: ${e.message}

${d}`),2;if(e instanceof u)return t.err(`change-gate: ${e.message}
`),2;if(e instanceof Error&&e.name==="ConfigFailure")return r?.format==="json"&&t.out(`${JSON.stringify({error:"config",errors:e.errors},null,2)}
`),t.err(`${e.message}
`),2;throw e}}x(process.argv.slice(2),{out:n=>process.stdout.write(n),err:n=>process.stderr.write(n),now:new Date}).then(n=>{process.exitCode=n},n=>{process.stderr.write(`change-gate: internal error: ${n instanceof Error?n.stack??n.message:String(n)}
`),process.exitCode=1});
