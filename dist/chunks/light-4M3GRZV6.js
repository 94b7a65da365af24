#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a}from"./chunk-444XGANV.js";import"./chunk-R3UMC7K3.js";export default a();
