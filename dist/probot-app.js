#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b as a,c as b,d as c}from"./chunks/chunk-YH3LHJU4.js";import"./chunks/chunk-TXSVG5SZ.js";import"./chunks/chunk-2VYDQ5JG.js";import"./chunks/chunk-JB6RUQP4.js";import"./chunks/chunk-ORC4CEJO.js";import"./chunks/chunk-AYNQIRXN.js";import"./chunks/chunk-HKMPFH63.js";import"./chunks/chunk-QDT3DKST.js";import"./chunks/chunk-X3LA6RE6.js";import"./chunks/chunk-4FGF4JAW.js";import"./chunks/chunk-VZQMEYBG.js";import"./chunks/chunk-WUK7QPDR.js";import"./chunks/chunk-7XTOMZZH.js";import"./chunks/chunk-XOETQD7P.js";import"./chunks/chunk-4GYHQ63I.js";import"./chunks/chunk-R3UMC7K3.js";export{a as changeGate,b as default,c as parseDuration};
