#!/usr/bin/env python3
"""Writes errors.csv and methods.csv, the facts about RPC errors the
bindings are documented with, by merging two sources:

- telethon/errors.csv and telethon/methods.csv (committed here);
- tl/raw-errors.json and tl/api-schema.json of @mtcute/core 0.31.0, which
  fetch_mtcute.sh puts in target/mtcute/package/tl (not committed).

Only facts are read: names, codes, who may call a method, which errors it
returns. The descriptions in those files are not read.

Usage: ./fetch_mtcute.sh && python3 merge_facts.py [MTCUTE_TL_DIR]

The rules where the sources disagree are in README.md; `disagreements()`
prints each case the rules decided.
"""

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_MTCUTE = HERE.parent.parent / "target" / "mtcute" / "package" / "tl"

# The code class of `*_MIGRATE_X`: "see other", whatever a source says.
MIGRATE_CODE = 303


def template(name):
    """mtcute writes a number's place as `%d`, Telethon (and we) as `X`."""
    return name.replace("%d", "X")


def functions_of_layer(api_tl):
    """The TL names of the functions in api.tl."""
    text = api_tl.read_text(encoding="utf-8")
    functions = text.split("---functions---", 1)[1]
    names = set()
    for line in functions.splitlines():
        match = re.match(r"^([A-Za-z][\w.]*)#[0-9a-f]+[ ;]", line)
        if match:
            names.add(match.group(1))
    return names


def read_telethon():
    codes = {}
    with open(HERE / "telethon" / "errors.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            codes[row["name"]] = {int(code) for code in row["codes"].split()}
    methods = {}
    with open(HERE / "telethon" / "methods.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            methods[row["method"]] = (row["usability"], set(row["errors"].split()))
    return codes, methods


def read_mtcute(directory):
    raw = json.loads((directory / "raw-errors.json").read_text(encoding="utf-8"))
    schema = json.loads((directory / "api-schema.json").read_text(encoding="utf-8"))
    codes = {}

    def add_code(name, code):
        codes.setdefault(template(name), set()).add(int(code))

    for name, error in raw["errors"].items():
        add_code(name, error["code"])
    usability = {}
    errors = {}
    for name in raw["userOnly"]:
        usability[name] = "user"
    for name in raw["botOnly"]:
        usability[name] = "bot"
    for name, thrown in raw["throws"].items():
        errors.setdefault(name, set()).update(template(e) for e in thrown)
    for entry in schema["e"]:
        if entry.get("kind") != "method":
            continue
        name = entry["name"]
        if "available" in entry:
            usability[name] = entry["available"]
        for thrown in entry.get("throws", []):
            errors.setdefault(name, set()).add(template(thrown["name"]))
            add_code(thrown["name"], thrown["code"])
    return codes, usability, errors


def merge_codes(telethon, mtcute):
    """Every code either source has seen an error with, except that a
    `*_MIGRATE_X` error is always 303."""
    merged = {}
    for name in set(telethon) | set(mtcute):
        codes = telethon.get(name, set()) | mtcute.get(name, set())
        if name.endswith("_MIGRATE_X"):
            codes = {MIGRATE_CODE}
        merged[name] = codes
    return merged


def merge_usability(telethon, mtcute):
    """mtcute's word where it has one (its data is of a later layer than
    Telethon's), Telethon's otherwise, unknown (empty) without either."""
    return mtcute or telethon or ""


def merge(mtcute_dir):
    layer = functions_of_layer(HERE / "api.tl")
    telethon_codes, telethon_methods = read_telethon()
    mtcute_codes, mtcute_usability, mtcute_errors = read_mtcute(mtcute_dir)
    codes = merge_codes(telethon_codes, mtcute_codes)
    methods = {}
    for name in sorted(layer):
        known = (
            name in telethon_methods or name in mtcute_usability or name in mtcute_errors
        )
        if not known:
            continue
        telethon_usability, telethon_errors = telethon_methods.get(name, ("", set()))
        usability = merge_usability(telethon_usability, mtcute_usability.get(name, ""))
        errors = telethon_errors | mtcute_errors.get(name, set())
        methods[name] = (usability, errors)
    return codes, methods, telethon_codes, mtcute_codes, telethon_methods, mtcute_usability



def write(codes, methods):
    with open(HERE / "errors.csv", "w", newline="", encoding="utf-8") as f:
        f.write("name,codes\n")
        for name in sorted(codes):
            f.write(f"{name},{' '.join(str(c) for c in sorted(codes[name]))}\n")
    with open(HERE / "methods.csv", "w", newline="", encoding="utf-8") as f:
        f.write("method,usability,errors\n")
        for name, (usability, errors) in methods.items():
            f.write(f"{name},{usability},{' '.join(sorted(errors))}\n")


def disagreements(telethon_codes, mtcute_codes, telethon_methods, mtcute_usability, codes):
    for name in sorted(set(telethon_codes) & set(mtcute_codes)):
        if telethon_codes[name] != mtcute_codes[name]:
            chosen = " ".join(str(c) for c in sorted(codes[name]))
            print(f"codes of {name}: Telethon {sorted(telethon_codes[name])}, "
                  f"mtcute {sorted(mtcute_codes[name])} -> {chosen}")
    for name in sorted(set(telethon_methods) & set(mtcute_usability)):
        if telethon_methods[name][0] != mtcute_usability[name]:
            print(f"usability of {name}: Telethon {telethon_methods[name][0]}, "
                  f"mtcute {mtcute_usability[name]} -> {mtcute_usability[name]}")


def main():
    mtcute_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MTCUTE
    if not (mtcute_dir / "raw-errors.json").exists():
        sys.exit(f"{mtcute_dir}/raw-errors.json is missing: run ./fetch_mtcute.sh first")
    codes, methods, telethon_codes, mtcute_codes, telethon_methods, mtcute_usability = merge(
        mtcute_dir
    )
    write(codes, methods)
    disagreements(telethon_codes, mtcute_codes, telethon_methods, mtcute_usability, codes)
    layer = len(functions_of_layer(HERE / "api.tl"))
    print(f"{len(codes)} errors; {len(methods)} of the layer's {layer} functions have facts")


if __name__ == "__main__":
    main()
