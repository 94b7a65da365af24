#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
var r=null;async function o(){r??=(await import("./src-QTJW6BGD.js")).default}function a(){return r!==null}function i(){if(!r)throw new Error("holidays are configured but the holiday calendar was not loaded (loadHolidayLibrary)");return r}export{o as a,a as b,i as c};
