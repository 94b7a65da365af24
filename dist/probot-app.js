#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-XF2QWFC5.js";import"./chunks/chunk-3DK7S3XL.js";import"./chunks/chunk-NEXGQMNJ.js";import"./chunks/chunk-MUGTXFRC.js";import"./chunks/chunk-QAXPAQWY.js";import"./chunks/chunk-BSFRZPRP.js";import"./chunks/chunk-TWWXUDP3.js";import"./chunks/chunk-HISLN6PV.js";import"./chunks/chunk-ZWQHUYMZ.js";import"./chunks/chunk-R33QP4WF.js";export{a as changeGate,b as default,c as parseDuration};
