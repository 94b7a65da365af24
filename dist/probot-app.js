#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-QPT2EWRC.js";import"./chunks/chunk-VF2KJ2D7.js";import"./chunks/chunk-2Y3E6MMU.js";import"./chunks/chunk-TPD3G7IP.js";import"./chunks/chunk-TDG4LUMI.js";import"./chunks/chunk-C4PX3FXO.js";import"./chunks/chunk-TWWXUDP3.js";import"./chunks/chunk-HISLN6PV.js";import"./chunks/chunk-ZWQHUYMZ.js";import"./chunks/chunk-R33QP4WF.js";export{a as changeGate,b as default,c as parseDuration};
