#!/usr/bin/env python3
"""Cold release build time and peak memory of tl-types beside grammers-tl-types.

Builds two empty crates, one depending on this repository's tl-types (default
features) and one on grammers-tl-types, from an empty target directory each
time, alternating which goes first so that both see the same machine. Prints
every round and then the medians and the ratio ours / peer.

    python3 tl-types/benches/compile_time.py [--rounds N] [--profile dev] [--check]
                                             [--function 'auth.*' ...] [--borrowed]

With `--check` it times `cargo check` instead: rustc's front end alone
(parsing, type and borrow checking, metadata), with no code generated. That
is the part of a build that no choice of what to compile where can remove.

With `--function`, a third crate holds only those functions of the bundled
layer and every type they reach (`tl gen --function`, over the tl-types
runtime without the bundled bindings): what a build script that names the
functions it calls pays, beside the whole layer.

With `--borrowed`, two more crates hold the whole layer as `tl gen` writes
it over the tl-types runtime, once owned and once borrowed (`tl gen
--borrowed`, `Config::borrowed`): what borrowed bindings cost to build
beside the same bindings owned.

Downloads happen once, before the first round, and are not timed. Wall time
on a shared machine drifts by tens of per cent from hour to hour; only the
ratio within one run means much.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PEER = ("grammers-tl-types", "=0.11.0")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def make_crate(root, name, dependency):
    path = os.path.join(root, name)
    os.makedirs(os.path.join(path, "src"))
    with open(os.path.join(path, "Cargo.toml"), "w") as manifest:
        manifest.write(
            f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\n'
            f"[dependencies]\n{dependency}\n[workspace]\n"
        )
    with open(os.path.join(path, "src", "lib.rs"), "w") as lib:
        lib.write("")
    return path


def measure_one(path, profile, command):
    """Runs in a child process of its own, so that the children's peak RSS is this build's."""
    target = os.path.join(path, "target")
    shutil.rmtree(target, ignore_errors=True)
    start = time.monotonic()
    # Cargo builds path dependencies incrementally in the dev profile, which
    # costs a cold build a quarter more; from a registry it would not. The
    # target directory is the one just emptied, whatever the environment says.
    environment = dict(os.environ, CARGO_INCREMENTAL="0", CARGO_TARGET_DIR=target)
    subprocess.run(
        ["cargo", command, "--profile", profile, "--offline", "--quiet"],
        cwd=path,
        check=True,
        env=environment,
    )
    wall = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    # ru_maxrss is in KiB on Linux.
    print(f"{wall:.2f} {usage.ru_utime + usage.ru_stime:.2f} {usage.ru_maxrss}")


def build(path, profile, command):
    output = subprocess.run(
        [sys.executable, __file__, "--profile", profile, "--measure-one", path]
        + (["--check"] if command == "check" else []),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    wall, cpu, rss_kib = float(output[0]), float(output[1]), int(output[2])
    return wall, cpu, rss_kib / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", default="release", help="cargo profile (release or dev)")
    parser.add_argument(
        "--check",
        dest="command",
        action="store_const",
        const="check",
        default="build",
        help="time `cargo check` (the front end alone) instead of `cargo build`",
    )
    parser.add_argument(
        "--function",
        action="append",
        default=[],
        help="also time bindings of only these functions (`auth.*`, `messages.sendMessage`)",
    )
    parser.add_argument(
        "--borrowed",
        action="store_true",
        help="also time the whole layer generated owned and borrowed by `tl gen`",
    )
    parser.add_argument("--measure-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_one:
        measure_one(args.measure_one, args.profile, args.command)
        return

    root = tempfile.mkdtemp(prefix="tl-compile-time-")
    crates = {
        "tl-types": make_crate(
            root,
            "with-tl-types",
            f'tl-types = {{ path = "{os.path.join(REPO, "tl-types")}" }}',
        ),
        PEER[0]: make_crate(root, "with-peer", f'{PEER[0]} = "{PEER[1]}"'),
    }
    runtime = f'tl-types = {{ path = "{os.path.join(REPO, "tl-types")}", default-features = false }}'

    def generated(name, flags):
        """A crate of the bindings `tl gen` writes of the bundled layer with `flags`."""
        path = make_crate(root, name, runtime)
        subprocess.run(
            ["cargo", "run", "--release", "--quiet", "-p", "tl-cli", "--bin", "tl", "--", "gen", "tl-types/schema/api.tl"]
            + flags
            + ["-o", os.path.join(path, "src", "lib.rs")],
            cwd=REPO,
            check=True,
        )
        with open(os.path.join(path, "src", "lib.rs")) as lib:
            lines = sum(1 for _ in lib)
        print(f"{name}: {lines} generated lines")
        return path

    subset = f"subset ({', '.join(args.function)})"
    if args.function:
        functions = [flag for pattern in args.function for flag in ("--function", pattern)]
        crates[subset] = generated("with-subset", functions)
    if args.borrowed:
        crates["generated owned"] = generated("generated-owned", [])
        crates["generated borrowed"] = generated("generated-borrowed", ["--borrowed"])
    for path in crates.values():
        subprocess.run(["cargo", "fetch", "--quiet"], cwd=path, check=True)

    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    print(
        f"{rustc}, {os.cpu_count()} CPU(s), {args.rounds} round(s), "
        f"cold `cargo {args.command} --profile {args.profile}`"
    )
    results = {name: [] for name in crates}
    order = list(crates)
    for round_number in range(1, args.rounds + 1):
        for name in order:
            wall, cpu, rss = build(crates[name], args.profile, args.command)
            results[name].append((wall, cpu, rss))
            print(f"round {round_number}: {name:18} {wall:7.1f} s wall {cpu:7.1f} s CPU {rss:7.0f} MiB peak")
        order.reverse()
    shutil.rmtree(root)

    print()
    print(f"{'median':24} {'wall':>9} {'CPU':>9} {'peak RSS':>10}")
    medians = {}
    for name, runs in results.items():
        wall = statistics.median(run[0] for run in runs)
        cpu = statistics.median(run[1] for run in runs)
        rss = statistics.median(run[2] for run in runs)
        medians[name] = (wall, cpu, rss)
        print(f"{name:24} {wall:7.1f} s {cpu:7.1f} s {rss:6.0f} MiB")
    ours, peer = medians["tl-types"], medians[PEER[0]]
    print(
        f"{'ratio tl-types / peer':24} {ours[0] / peer[0]:9.2f} {ours[1] / peer[1]:9.2f} {ours[2] / peer[2]:10.2f}"
    )
    if args.function:
        part = medians[subset]
        print(
            f"{'ratio subset / tl-types':24} {part[0] / ours[0]:9.2f} {part[1] / ours[1]:9.2f} {part[2] / ours[2]:10.2f}"
        )
    if args.borrowed:
        owned, borrowed = medians["generated owned"], medians["generated borrowed"]
        print(
            f"{'ratio borrowed / owned':24} {borrowed[0] / owned[0]:9.2f} {borrowed[1] / owned[1]:9.2f} {borrowed[2] / owned[2]:10.2f}"
        )


if __name__ == "__main__":
    main()
