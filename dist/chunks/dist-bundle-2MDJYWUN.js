#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a,b}from"./chunk-QBSG43GC.js";import"./chunk-444XGANV.js";import"./chunk-4IBEPGVV.js";import"./chunk-R3UMC7K3.js";export{a as VERSION,b as retry};
