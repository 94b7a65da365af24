#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a,b}from"./chunk-HDKQZTTG.js";import"./chunk-3XEKP3AC.js";import"./chunk-4IBEPGVV.js";import"./chunk-R33QP4WF.js";export{a as VERSION,b as retry};
