#!/usr/bin/env python3
"""Prints the README's two commands for a fresh machine, one a line: the
indented lines of its section "Two commands for a fresh machine", in order.
CI runs exactly these, so the README cannot drift from what is tested."""

import sys

readme = open("README.md", encoding="utf-8").read()
start = readme.index("## Two commands for a fresh machine")
end = readme.index("\n## ", start + 1)
commands = [
    line[4:] for line in readme[start:end].splitlines() if line.startswith("    ")
]
if len(commands) != 2:
    sys.exit(f"README: expected 2 commands in 'Two commands for a fresh machine', found {commands}")
print("\n".join(commands))
