#!/usr/bin/env python3
"""Fetches older versions of real schemas, which `tl diff`'s tests compare
with newer ones, into the real-schema cache (beside what `fetch.py` fetches):

    <cache>/telegram-158/api.tl    PyPI Pyrogram 2.0.106 (source archive), compiler/api/source/main_api.tl
    <cache>/telegram-198/api.tl    npm telegram 2.26.22 (gramjs), tl/apiTl.js: the schema text it exports
    <cache>/ton-0.1.10/ton_api.tl, lite_api.tl, tonlib_api.tl
                                   PyPI pytoniq-core 0.1.10 (fetch.py has 0.2.1's)

They come through the package managers' own clients, `pip download` and
`npm pack`. A file already in the cache is not fetched again.

    python3 tests/real-schemas/fetch_layers.py [CACHE]

CACHE defaults to `target/real-schemas` at the root of the repository.
"""

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PYROGRAM = ("pyrogram", "2.0.106", "compiler/api/source/main_api.tl", "telegram-158/api.tl")
GRAMJS = ("telegram", "2.26.22", "package/tl/apiTl.js", "telegram-198/api.tl")
PYTONIQ = ("pytoniq-core", "0.1.10", "ton-0.1.10")
TON_FILES = ["ton_api.tl", "lite_api.tl", "tonlib_api.tl"]


def run(command, cwd):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(
            f"fetch_layers.py: `{' '.join(map(str, command))}` failed:\n"
            f"{result.stdout}{result.stderr}"
        )
    return result.stdout


def fetch_pyrogram(cache: Path):
    name, version, inner, outer = PYROGRAM
    target = cache / outer
    if target.exists():
        return
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
         "--quiet", "-d", str(downloads), f"{name}=={version}"], cwd=downloads)
    archive_path = next(
        p for p in downloads.iterdir()
        if p.name.lower() == f"{name}-{version}.tar.gz"
    )
    with tarfile.open(archive_path) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/" + inner))
        text = archive.extractfile(member).read()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text)


def fetch_gramjs(cache: Path):
    name, version, inner, outer = GRAMJS
    target = cache / outer
    if target.exists():
        return
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    tarball = run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=downloads).strip()
    with tarfile.open(downloads / tarball.splitlines()[-1]) as archive:
        module = archive.extractfile(inner).read().decode("utf-8")
    # The module exports the schema as one template literal with nothing in
    # it that JavaScript would change: no escapes, no substitutions.
    text = module[module.index("`") + 1 : module.rindex("`")]
    if "\\" in text or "${" in text:
        sys.exit(f"fetch_layers.py: {inner} of {name} {version} is not plain text")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def fetch_pytoniq(cache: Path):
    name, version, folder = PYTONIQ
    targets = [cache / folder / file for file in TON_FILES]
    if all(t.exists() for t in targets):
        return
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         "-d", str(downloads), f"{name}=={version}"], cwd=downloads)
    wheel = next(downloads.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(f"pytoniq_core/tl/schemas/{target.name}"))


def main():
    cache = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "real-schemas"
    fetch_pyrogram(cache)
    fetch_gramjs(cache)
    fetch_pytoniq(cache)
    print(f"older schemas in {cache}")


if __name__ == "__main__":
    main()
