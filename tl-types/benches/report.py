"""Prints the BENCHMARKS.md table from criterion's last run of the `inputs`
benchmark (target/criterion): the median of each side, the ratio
tl_types / grammers (below 1: ours is faster), and the ratio to a memcpy of
the same bytes. Prototypes timed in a `decode` group beside the two crates
(`decode/history/borrowed`, see `benches/borrowed.rs`) get a row of their
own, with their ratio to grammers of the same run.

    cargo bench -p tl-types --bench inputs && python3 tl-types/benches/report.py
"""

import json
import os
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "target", "criterion")
INPUTS = ["input_peer", "sent_code", "history", "vector_long"]
OPERATIONS = ["decode", "encode", "to_bytes"]
SIDES = {"tl_types", "grammers", "report"}


def median_ns(group, function):
    path = os.path.join(ROOT, f"{group}", function, "new", "estimates.json")
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"]


def prototypes(group):
    """The functions of `group` other than the two crates', by name."""
    directory = os.path.join(ROOT, group)
    return sorted(
        entry
        for entry in os.listdir(directory)
        if entry not in SIDES
        and os.path.exists(os.path.join(directory, entry, "new", "estimates.json"))
    )


def shown(ns):
    if ns >= 1000:
        return f"{ns / 1000:.2f} µs"
    return f"{ns:.1f} ns"


def main():
    print("| input | operation | tl_types | grammers | ours / grammers | ours / memcpy |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name in INPUTS:
        memcpy = median_ns(f"memcpy_{name}", "copy")
        for operation in OPERATIONS:
            group = f"{operation}_{name}"
            try:
                ours = median_ns(group, "tl_types")
                peer = median_ns(group, "grammers")
            except FileNotFoundError:
                print(f"no results for {group}", file=sys.stderr)
                continue
            print(
                f"| `{name}` | {operation} | {shown(ours)} | {shown(peer)} "
                f"| {ours / peer:.2f} | {ours / memcpy:.1f} |"
            )
            for prototype in prototypes(group):
                time = median_ns(group, prototype)
                print(
                    f"| `{name}` | {operation}, prototype `{prototype}` | {shown(time)} "
                    f"| {shown(peer)} | {time / peer:.2f} | {time / memcpy:.1f} |"
                )
        print(f"| `{name}` | memcpy | {shown(memcpy)} | | | 1 |")


if __name__ == "__main__":
    main()
