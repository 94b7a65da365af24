#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a,b}from"./chunk-4FGF4JAW.js";import"./chunk-R3UMC7K3.js";export{a as extendsOf,b as mergeOverBase};
