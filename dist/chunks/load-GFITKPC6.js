#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{b,c,d,e,f,g,h,i}from"./chunk-A35JKJWR.js";import"./chunk-X3LA6RE6.js";import{x as a}from"./chunk-RY6QL62Z.js";import"./chunk-R3UMC7K3.js";export{b as DEFAULT_CONFIG_PATH,c as MAX_CONFIG_BYTES,a as defaultConfig,d as formatConfigError,g as loadConfig,h as loadConfigAsync,i as mentionsHolidays,e as parseYaml,f as validateConfigValue};
