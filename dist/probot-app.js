#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-4YM2JCIW.js";import"./chunks/chunk-CMSHHMLP.js";import"./chunks/chunk-JQ6TFH67.js";import"./chunks/chunk-LZE5ATI2.js";import"./chunks/chunk-NGSNT4FQ.js";import"./chunks/chunk-5YGOCXFH.js";import"./chunks/chunk-BSFRZPRP.js";import"./chunks/chunk-TWWXUDP3.js";import"./chunks/chunk-HISLN6PV.js";import"./chunks/chunk-ZWQHUYMZ.js";import"./chunks/chunk-R33QP4WF.js";export{a as changeGate,b as default,c as parseDuration};
