#!/usr/bin/env bash
# Puts a Node as new as package.json asks first on PATH, for running tools by hand (npx vitest,
# npx tsc, …) in this shell: `source scripts/ensure-node.sh`. `npm start` and `npm test` do not need
# it; their launcher (scripts/launch.mjs) provides Node itself, and so does this.
eakte_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if eakte_node_bin="$(node "$eakte_root/scripts/launch.mjs" node-path)"; then
  export PATH="$eakte_node_bin:$PATH"
else
  echo "Could not provide Node; see the line above" >&2
  return 1 2>/dev/null || exit 1
fi
