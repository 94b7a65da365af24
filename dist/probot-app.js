#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-OPKODI2S.js";import"./chunks/chunk-XTYF6DI6.js";import"./chunks/chunk-5BYZY6PU.js";import"./chunks/chunk-7NRHACOS.js";import"./chunks/chunk-Y7OMHVEM.js";import"./chunks/chunk-VVS5KZVT.js";import"./chunks/chunk-5EEUF2UN.js";import"./chunks/chunk-HISLN6PV.js";import"./chunks/chunk-ZWQHUYMZ.js";import"./chunks/chunk-R33QP4WF.js";export{a as changeGate,b as default,c as parseDuration};
