#!/bin/sh
# Puts the npm package puppeteer-core, with which the doc site's test drives
# a Chromium already on the machine (it downloads no browser), into
# target/puppeteer/ of the workspace (never committed), and prints the
# folder its modules are in. Needs npm.
set -eu
version=24.43.1
root=$(cd "$(dirname "$0")/../../.." && pwd)
cache="$root/target/puppeteer"
if [ ! -f "$cache/installed-$version" ]; then
    rm -rf "$cache"
    mkdir -p "$cache"
    cd "$cache"
    npm install --no-save --no-package-lock --no-audit --no-fund --silent "puppeteer-core@$version" >&2
    touch "installed-$version"
fi
echo "$cache/node_modules"
