#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-5PJ2XSAR.js";import"./chunks/chunk-JOW3GA2D.js";import"./chunks/chunk-MSR4CMSB.js";import"./chunks/chunk-DEEON6P4.js";import"./chunks/chunk-CWF23EHW.js";import"./chunks/chunk-VVS5KZVT.js";import"./chunks/chunk-5EEUF2UN.js";import"./chunks/chunk-HISLN6PV.js";import"./chunks/chunk-ZWQHUYMZ.js";import"./chunks/chunk-R33QP4WF.js";export{a as changeGate,b as default,c as parseDuration};
