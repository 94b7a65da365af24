#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-DEFGSQ3P.js";import"./chunks/chunk-JTCKGZ4Z.js";import"./chunks/chunk-CUTPBED4.js";import"./chunks/chunk-BNAZJC44.js";import"./chunks/chunk-6AQOG7SX.js";import"./chunks/chunk-QKTWTQIQ.js";import"./chunks/chunk-B7PMFATF.js";import"./chunks/chunk-76CE4T5I.js";import"./chunks/chunk-5EG3TZBZ.js";import"./chunks/chunk-JY6CLUJR.js";import"./chunks/chunk-R33QP4WF.js";export{a as changeGate,b as default,c as parseDuration};
