export { type GlobBudget, GlobSet, globBudget, MAX_GLOB_STEPS, MAX_PATH_LENGTH } from "./glob-set.js";
export { GLOB_SYNTAX, globSyntaxError, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH } from "./parse-glob.js";
