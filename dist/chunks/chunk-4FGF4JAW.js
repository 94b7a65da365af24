#!/usr/bin/env node
import { createRequire as __cgRequire } from "node:module";
const require = __cgRequire(import.meta.url);
function c(n){return r(n)&&typeof n._extends=="string"?n._extends:null}function f(n,t){return i(u(n),u(t))}function r(n){return typeof n=="object"&&n!==null&&!Array.isArray(n)}function u(n){if(!r(n))return n;let{_extends:t,...o}=n;return o}function i(n,t){if(!r(n)||!r(t))return t===void 0?n:t;let o={...n};for(let[e,s]of Object.entries(t))o[e]=i(n[e],s);return o}export{c as a,f as b};
