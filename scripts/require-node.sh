#!/usr/bin/env bash
# Preflight of the composite Action (action.yml): the bundle runs on the runner's own `node`, which must be
# Node.js 20 or later. Fails the step with a message that says what to add, instead of a cryptic syntax error.
set -uo pipefail
MIN=20
FIX="add \`actions/setup-node\` with \`node-version: 24\` before the change-gate step (or install Node.js ${MIN}+ on the runner)"
if ! command -v node >/dev/null 2>&1; then
  echo "::error title=change-gate needs Node.js ${MIN}+::node is not on this runner's PATH; ${FIX}."
  exit 1
fi
version="$(node --version 2>/dev/null)"
major="${version#v}"
major="${major%%.*}"
if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < MIN)); then
  echo "::error title=change-gate needs Node.js ${MIN}+::found node ${version:-without a version} at $(command -v node); ${FIX}."
  exit 1
fi
