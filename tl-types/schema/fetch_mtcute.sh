#!/bin/sh
# Puts the npm package @mtcute/core 0.31.0, whose `tl/raw-errors.json` and
# `tl/api-schema.json` merge_facts.py reads, into target/mtcute/ of the
# workspace (never committed). Needs npm.
set -eu
version=0.31.0
root=$(cd "$(dirname "$0")/../.." && pwd)
cache="$root/target/mtcute"
mkdir -p "$cache"
cd "$cache"
if [ ! -f "package/tl/raw-errors.json" ]; then
    npm pack --silent "@mtcute/core@$version" >/dev/null
    tar xzf "mtcute-core-$version.tgz" package/tl/raw-errors.json package/tl/api-schema.json
fi
echo "$cache/package/tl"
