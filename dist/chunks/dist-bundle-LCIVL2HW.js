#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a}from"./chunk-NGFQ72L6.js";import"./chunk-2GVHROYR.js";import"./chunk-R3UMC7K3.js";export{a as throttling};
