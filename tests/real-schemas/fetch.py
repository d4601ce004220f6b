#!/usr/bin/env python3
"""Fetches the real TL schemas the toolchain is tested on into a cache folder.

None of these files is ours to commit, so the tests read them from here:

    <cache>/ton/ton_api.tl, lite_api.tl, tonlib_api.tl    PyPI pytoniq-core 0.2.1
    <cache>/td/td_api.tl, td_api_1.8.29.tl, td_api_1.8.19.tl
                                                          crate tdlib-rs 1.4.0, tl/
    <cache>/telegram-230/api.tl, mtproto.tl               crate grammers-tl-types 0.11.0, tl/

They come through the package managers' own clients, `pip download` and
`cargo fetch` (with a CARGO_HOME of its own in the cache, so that it never
waits on the lock of a cargo build that runs this script from a build script).
A file already in the cache is not fetched again.

    python3 tests/real-schemas/fetch.py [CACHE]

CACHE defaults to `target/real-schemas` at the root of the repository.
"""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PYTONIQ = ("pytoniq-core", "0.2.1")
CRATES = {
    # crate: (version, {file in the crate: name in the cache})
    "tdlib-rs": (
        "1.4.0",
        {
            "tl/api.tl": "td/td_api.tl",
            "tl/api_1.8.29.tl": "td/td_api_1.8.29.tl",
            "tl/api_1.8.19.tl": "td/td_api_1.8.19.tl",
        },
    ),
    "grammers-tl-types": (
        "0.11.0",
        {
            "tl/api.tl": "telegram-230/api.tl",
            "tl/mtproto.tl": "telegram-230/mtproto.tl",
        },
    ),
}
TON_FILES = ["ton_api.tl", "lite_api.tl", "tonlib_api.tl"]

# What a nested cargo or pip must not inherit from a cargo build that runs
# this script from a build script.
INHERITED = ["CARGO_TARGET_DIR", "CARGO_BUILD_TARGET", "RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS"]


def run(command, **kwargs):
    env = dict(os.environ)
    for name in INHERITED:
        env.pop(name, None)
    env.update(kwargs.pop("env", {}))
    result = subprocess.run(command, env=env, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(
            f"fetch.py: `{' '.join(map(str, command))}` failed:\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def fetch_ton(cache: Path):
    targets = [cache / "ton" / name for name in TON_FILES]
    if all(t.exists() for t in targets):
        return
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    name, version = PYTONIQ
    run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         "-d", str(downloads), f"{name}=={version}"])
    wheel = next(downloads.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        for target in targets:
            member = f"pytoniq_core/tl/schemas/{target.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(member))


def fetch_crates(cache: Path):
    wanted = [
        (crate, version, inner, cache / outer)
        for crate, (version, files) in CRATES.items()
        for inner, outer in files.items()
    ]
    if all(target.exists() for *_, target in wanted):
        return
    # A throwaway package that depends on the crates: `cargo fetch` brings
    # their sources, and `cargo metadata` says where they are.
    project = cache / "crates"
    (project / "src").mkdir(parents=True, exist_ok=True)
    (project / "src" / "lib.rs").write_text("")
    dependencies = "\n".join(
        f'{crate} = {{ version = "={version}", default-features = false }}'
        for crate, (version, _) in CRATES.items()
    )
    (project / "Cargo.toml").write_text(
        "[package]\nname = \"fetch-real-schemas\"\nversion = \"0.0.0\"\nedition = \"2021\"\n"
        f"publish = false\n\n[workspace]\n\n[dependencies]\n{dependencies}\n"
    )
    env = {"CARGO_HOME": str(cache / "cargo-home")}
    manifest = str(project / "Cargo.toml")
    run(["cargo", "fetch", "--quiet", "--manifest-path", manifest], env=env)
    import json

    metadata = json.loads(
        run(["cargo", "metadata", "--format-version", "1", "--offline",
             "--manifest-path", manifest], env=env)
    )
    roots = {
        (package["name"], package["version"]): Path(package["manifest_path"]).parent
        for package in metadata["packages"]
    }
    for crate, version, inner, target in wanted:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(roots[(crate, version)] / inner, target)


def main():
    cache = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "real-schemas"
    fetch_ton(cache)
    fetch_crates(cache)
    print(f"real schemas in {cache}")


if __name__ == "__main__":
    main()
