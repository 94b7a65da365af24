#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a}from"./chunk-LP5W2NL4.js";import"./chunk-3XEKP3AC.js";import"./chunk-R33QP4WF.js";export{a as throttling};
