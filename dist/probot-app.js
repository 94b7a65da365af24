#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-MOFUYEUQ.js";import"./chunks/chunk-SP52C3RO.js";import"./chunks/chunk-2VYDQ5JG.js";import"./chunks/chunk-QXYE5SK3.js";import"./chunks/chunk-7VX5LUJ3.js";import"./chunks/chunk-6VZUQLCC.js";import"./chunks/chunk-YIN4MIGR.js";import"./chunks/chunk-QDT3DKST.js";import"./chunks/chunk-X3LA6RE6.js";import"./chunks/chunk-4FGF4JAW.js";import"./chunks/chunk-VZQMEYBG.js";import"./chunks/chunk-WUK7QPDR.js";import"./chunks/chunk-7XTOMZZH.js";import"./chunks/chunk-XOETQD7P.js";import"./chunks/chunk-4GYHQ63I.js";import"./chunks/chunk-R3UMC7K3.js";export{a as changeGate,b as default,c as parseDuration};
