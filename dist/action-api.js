#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a as o,b as r}from"./chunks/chunk-PCN2GGHC.js";import"./chunks/chunk-4THZX4P5.js";import"./chunks/chunk-3A3UKAOF.js";import"./chunks/chunk-4IBEPGVV.js";import"./chunks/chunk-R33QP4WF.js";export{o as failClosed,r as run};
