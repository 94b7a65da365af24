#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a as o,b as r}from"./chunks/chunk-HPQP5M4J.js";import"./chunks/chunk-4THZX4P5.js";import"./chunks/chunk-G7QUJSML.js";import"./chunks/chunk-N3W3PWQE.js";import"./chunks/chunk-4IBEPGVV.js";import"./chunks/chunk-R3UMC7K3.js";r().catch(o);
