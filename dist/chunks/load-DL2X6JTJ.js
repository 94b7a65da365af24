#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{c as b,d as c,e as d,f as e,g as f,h as g,i as h,j as i}from"./chunk-B7PMFATF.js";import{y as a}from"./chunk-JY6CLUJR.js";import"./chunk-R33QP4WF.js";export{b as DEFAULT_CONFIG_PATH,c as MAX_CONFIG_BYTES,a as defaultConfig,d as formatConfigError,g as loadConfig,h as loadConfigAsync,i as mentionsHolidays,e as parseYaml,f as validateConfigValue};
