#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
import{a,b,c}from"./chunk-4GYHQ63I.js";import"./chunk-R3UMC7K3.js";export{c as holidayLibrary,b as isHolidayLibraryLoaded,a as loadHolidayLibrary};
