"""Prints the BENCHMARKS.md table from criterion's last run of the `inputs`
benchmark (target/criterion): the median of each side, the ratio
tl_types / grammers (below 1: ours is faster), and the ratio to a memcpy of
the same bytes. Other decoders timed in a `decode` group beside the two
crates get a row of their own, with their ratio to grammers of the same
run: the generated borrowed bindings (`borrowed_bindings`, from
`tests/borrowed`), the generated decoders with allocation made free
(`*_allocation_free`) and the hand-written prototypes (`decode/history/borrowed`,
see `benches/borrowed.rs`). So do the other encoders of an `encode` group:
the history's, each doing less of the generated serialiser's work
(`benches/message_encoders.rs`).

    cargo bench -p tl-types --bench inputs && python3 tl-types/benches/report.py

After `cargo bench -p tl-types --bench codec` it prints a second table: the
corpus groups, every corpus vector of five types, decoded and encoded by
both crates.
"""

import json
import os
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "..", "target", "criterion")
INPUTS = [
    "input_peer",
    "sent_code",
    "history",
    "vector_long",
    "vector_int",
    "vector_int128",
    "file_part",
]
OPERATIONS = ["decode", "encode", "to_bytes"]
SIDES = {"tl_types", "grammers", "report"}
# The rows of the other decoders and encoders that are not prototypes.
LABELS = {
    "borrowed_bindings": "borrowed bindings",
    "borrowed_bindings_arena": "borrowed bindings, arena",
    "tl_types_allocation_free": "allocation free",
    "borrowed_bindings_allocation_free": "borrowed bindings, allocation free",
    "tl_types_stored_flags": "`message`'s flags given",
    "tl_types_known_fields": "`message`'s unset fields skipped",
}
# The groups of the `codec` benchmark: every corpus vector of a type.
CORPUS_TYPES = ["Updates", "messages.Messages", "Message", "User", "Update"]


def median_ns(group, function):
    path = os.path.join(ROOT, f"{group}", function, "new", "estimates.json")
    with open(path) as f:
        return json.load(f)["median"]["point_estimate"]


def prototypes(group):
    """The functions of `group` other than the two crates': those of
    `LABELS` in its order, then the prototypes by name."""
    directory = os.path.join(ROOT, group)
    order = list(LABELS)
    return sorted(
        (
            entry
            for entry in os.listdir(directory)
            if entry not in SIDES
            and os.path.exists(os.path.join(directory, entry, "new", "estimates.json"))
        ),
        key=lambda entry: (order.index(entry) if entry in order else len(order), entry),
    )


def corpus_table():
    """The `codec` benchmark's groups, if it has run: each type's corpus
    vectors decoded and encoded by both crates."""
    rows = []
    for name in CORPUS_TYPES:
        try:
            times = {
                (operation, side): median_ns(f"{operation}_{name}", side)
                for operation in ("decode", "encode")
                for side in ("tl_types", "grammers")
            }
        except FileNotFoundError:
            print(f"no results for the corpus type {name}", file=sys.stderr)
            continue
        cells = []
        for operation in ("decode", "encode"):
            ours, peer = times[(operation, "tl_types")], times[(operation, "grammers")]
            cells.append(f"{shown(ours)} | {shown(peer)} | {ratio(ours / peer)}")
        rows.append(f"| `{name}` | " + " | ".join(cells) + " |")
    if rows:
        print()
        print(
            "| corpus type | decode tl_types | decode grammers | ours / grammers "
            "| encode tl_types | encode grammers | ours / grammers |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for row in rows:
            print(row)


def ratio(value):
    """Two decimals, or as many as show a ratio far below 1."""
    return f"{value:.2f}" if value >= 0.01 else f"{value:.4f}"


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
                f"| {ratio(ours / peer)} | {ratio(ours / memcpy) if ours < memcpy / 10 else f'{ours / memcpy:.1f}'} |"
            )
            for other in prototypes(group):
                time = median_ns(group, other)
                label = LABELS.get(other, f"prototype `{other}`")
                print(
                    f"| `{name}` | {operation}, {label} | {shown(time)} "
                    f"| {shown(peer)} | {ratio(time / peer)} | {ratio(time / memcpy) if time < memcpy / 10 else f'{time / memcpy:.1f}'} |"
                )
        print(f"| `{name}` | memcpy | {shown(memcpy)} | | | 1 |")
    corpus_table()


if __name__ == "__main__":
    main()
