#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as d,g as R,i as k,j as y}from"./chunk-MUGTXFRC.js";import{h as g,o as h}from"./chunk-QAXPAQWY.js";import{e as s,j as f,k as m}from"./chunk-BSFRZPRP.js";function w(e){let r=/\/pr-(\d+)-[0-9a-f]+$/.exec(e);return r?Number(r[1]):null}async function x(e,r){let{ref:t,group:a,now:c}=r;try{let n=r.config??await h(e,t);if(!n.ok)return{conclusion:"failure",check:await k(e,t,a.head_sha,n,r.appId),pullRequest:null};let o=w(a.head_ref),l=await g(e,t,c),u;if(o===null)u=s({config:n.config,at:c,body:null,ledger:l});else{let{data:p}=await e.rest.pulls.get({...t,pull_number:o});u=await R(e,{ref:t,pr:{...p,draft:!1},now:c,config:n.config,ledger:l,templates:r.templates})}let i=u.gates.merge,b=await d(e,t,{headSha:a.head_sha,conclusion:i.conclusion,title:f(i),summary:`${o===null?"Merge group: schedule and freezes only (the queued PR is not named by the branch).":`Merge group for #${o}.`}

${m(u,i)}`,appId:r.appId});return{conclusion:i.conclusion,check:b,pullRequest:o}}catch(n){throw await y(e,t,a.head_sha,n,r.appId),n}}export{w as a,x as b};
