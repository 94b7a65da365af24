#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b,c,d,e,f,g,h,i}from"./chunk-QDT3DKST.js";import"./chunk-X3LA6RE6.js";import{o as a}from"./chunk-7XTOMZZH.js";import"./chunk-XOETQD7P.js";import"./chunk-4GYHQ63I.js";import"./chunk-R3UMC7K3.js";export{b as DEFAULT_CONFIG_PATH,c as MAX_CONFIG_BYTES,a as defaultConfig,d as formatConfigError,g as loadConfig,h as loadConfigAsync,i as mentionsHolidays,e as parseYaml,f as validateConfigValue};
