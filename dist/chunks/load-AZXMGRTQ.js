#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{DEFAULT_CONFIG_PATH,MAX_CONFIG_BYTES,formatConfigError,loadConfig,loadConfigAsync,mentionsHolidays,parseYaml,validateConfigValue}from"./chunk-Y57WW4BA.js";import{defaultConfig}from"./chunk-C47STEFQ.js";import"./chunk-ND4FEO4J.js";export{DEFAULT_CONFIG_PATH,MAX_CONFIG_BYTES,defaultConfig,formatConfigError,loadConfig,loadConfigAsync,mentionsHolidays,parseYaml,validateConfigValue};
