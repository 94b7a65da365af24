#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-3NP4YF7B.js";import"./chunks/chunk-HNDFPITP.js";import"./chunks/chunk-ENZVCZVO.js";import"./chunks/chunk-JB2FOLGB.js";import"./chunks/chunk-E766WVGY.js";import"./chunks/chunk-BSFRZPRP.js";import"./chunks/chunk-TWWXUDP3.js";import"./chunks/chunk-HISLN6PV.js";import"./chunks/chunk-ZWQHUYMZ.js";import"./chunks/chunk-R33QP4WF.js";export{a as changeGate,b as default,c as parseDuration};
