#!/usr/bin/env python3
"""Fails when a crate the workspace builds needs a newer Rust than the
workspace's `rust-version` (the one the README states): the newest
`rust-version` among all resolved packages must not exceed it."""

import json
import subprocess
import sys


def version(text):
    return tuple(int(part) for part in text.split("."))


metadata = json.loads(
    subprocess.run(
        ["cargo", "metadata", "--format-version", "1"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
)
members = set(metadata["workspace_members"])
stated = {p["rust_version"] for p in metadata["packages"] if p["id"] in members}
if len(stated) != 1:
    sys.exit(f"workspace members state different rust-versions: {sorted(stated)}")
stated = stated.pop()
needed = max(
    (version(p["rust_version"]), p["name"], p["version"])
    for p in metadata["packages"]
    if p.get("rust_version")
)
readme = open("README.md").read()
if f"{stated} or newer" not in readme:
    sys.exit(f"README.md does not say `{stated} or newer`")
if needed[0] > version(stated):
    sys.exit(
        f"{needed[1]} {needed[2]} needs Rust {'.'.join(map(str, needed[0]))}, "
        f"newer than the stated {stated}"
    )
print(f"rust-version {stated}: the newest any crate needs is {'.'.join(map(str, needed[0]))} ({needed[1]})")
