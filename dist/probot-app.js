#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-SO7DNT2N.js";import"./chunks/chunk-RPEVZ33U.js";import"./chunks/chunk-LVYGGBYE.js";import"./chunks/chunk-A6TAXLHZ.js";import"./chunks/chunk-XV3GVWJM.js";import"./chunks/chunk-2NASLI2H.js";import"./chunks/chunk-A35JKJWR.js";import"./chunks/chunk-X3LA6RE6.js";import"./chunks/chunk-7MTXNL26.js";import"./chunks/chunk-34QXCSFJ.js";import"./chunks/chunk-RY6QL62Z.js";import"./chunks/chunk-R3UMC7K3.js";export{a as changeGate,b as default,c as parseDuration};
