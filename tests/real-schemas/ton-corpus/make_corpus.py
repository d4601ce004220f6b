#!/usr/bin/env python3
"""Build pytoniq.jsonl: TL bytes of TON objects as written by pytoniq-core.

The corpus is a cross-check for the Rust side: every line holds one object of
TON's ``lite_api.tl`` or ``ton_api.tl`` as TL-JSON, together with the boxed
bytes that an independent TON implementation, pytoniq-core 0.2.1 (PyPI),
serialises for it.  The Rust tests decode each hex string with their own
bindings and with the dynamic TL-JSON codec, compare with the JSON and
re-encode to identical bytes.

Usage (any python3; the script bootstraps its own environment):

    python3 tests/real-schemas/ton-corpus/make_corpus.py          # (re)write pytoniq.jsonl
    python3 tests/real-schemas/ton-corpus/make_corpus.py --check  # verify, write nothing

If ``pytoniq_core`` 0.2.1 is not importable, the script creates a venv at
``<repo>/target/ton-corpus-venv`` (git-ignored), installs
``pytoniq-core==0.2.1`` there with pip and re-runs itself with that venv's
python.  The schemas are the copies inside the installed wheel
(``pytoniq_core/tl/schemas/``), each file loaded on its own.

How every object is checked (the script stops on any surprise):

1. The object is written once, in TL-JSON form (``OBJECTS`` below).
2. A small TL encoder in this script (its own schema reader, its own wire
   code; no pytoniq code) turns the TL-JSON into bytes.
3. pytoniq's ``TlSchemas.serialize(schema, data)`` serialises the same
   object from a pytoniq-style dict; its bytes must equal ours.
4. pytoniq's ``TlSchemas.deserialize(bytes)`` must read the bytes back to
   the same values, except for the pytoniq bugs that an entry declares.

Known pytoniq 0.2.1 defects this works around (see README.md):

* ``string`` and ``double`` fields are serialised as nothing at all.  The
  few objects with such fields are encoded by this script (step 2) and the
  script asserts that pytoniq's bytes are exactly ours minus those fields;
  their ``shape`` says "hand-encoded".  pytoniq reads strings back fine, but
  reads a ``double`` as zero bytes.
* ``(vector int)``, ``(vector long)``, ``(vector int256)``, ``(vector
  bytes)`` are written correctly but read back as lists of ``{}`` consuming
  no bytes (the builtin lines ``int ? = Int;`` etc. are registered as
  constructors with no fields).
* A ``#`` value >= 2**31 cannot be passed as such (``to_bytes(signed=True)``
  overflows); it is given to pytoniq as the negative i32 with the same bits
  and read back as that negative number.

Deterministic: all values are fixed; "random-looking" bytes come from SHAKE-256
of fixed labels.
"""

import argparse
import base64
import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
VENV = REPO / "target" / "ton-corpus-venv"
OUTPUT = HERE / "pytoniq.jsonl"
PYTONIQ = "pytoniq-core==0.2.1"


# --------------------------------------------------------------------------
# Environment: make sure pytoniq-core 0.2.1 is importable.
# --------------------------------------------------------------------------

def have_pytoniq():
    try:
        from importlib.metadata import version
        return version("pytoniq-core") == "0.2.1"
    except Exception:
        return False


def ensure_pytoniq():
    if have_pytoniq():
        return
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        sys.exit(f"pytoniq-core 0.2.1 is missing from {VENV}; remove it and rerun")
    if not python.exists():
        print(f"creating {VENV} and installing {PYTONIQ}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PYTONIQ], check=True)
    os.execv(str(python), [str(python), str(Path(__file__).resolve())] + sys.argv[1:])


# --------------------------------------------------------------------------
# Our own reading of the schema files.
# --------------------------------------------------------------------------

BASE_TYPES = {"#", "int", "long", "double", "int128", "int256", "string", "bytes", "Bool", "true"}
BUILTINS = {"int", "long", "double", "string", "object", "function", "bytes", "true",
            "boolTrue", "boolFalse", "vector", "int128", "int256"}
COND = re.compile(r"^(\w+)\.(\d+)\?(.+)$")


class Definition:
    def __init__(self, text, is_function):
        self.text = text
        self.is_function = is_function
        head, result = text.split(" = ")
        tokens = tokenize(head)
        name = tokens[0]
        self.explicit_id = None
        if "#" in name:
            name, hex_id = name.split("#")
            self.explicit_id = int(hex_id, 16)
        self.name = name
        self.result = result.strip()
        self.fields = []  # (name, type text)
        for token in tokens[1:]:
            field, _, typ = token.partition(":")
            self.fields.append((field, typ))
        # `#` fields and the conditional fields each one gates
        self.gates = {f: [] for f, t in self.fields if t == "#"}
        for field, typ in self.fields:
            m = COND.match(typ)
            if m:
                self.gates[m.group(1)].append((field, int(m.group(2)), m.group(3)))

    def computed_id(self):
        """TON's rule: crc32 of `name field:type ... = Result`, single spaces,
        parentheses dropped, `bytes` and `?true` fields kept as written."""
        body = self.text.split(" = ")[0].split(" ", 1)
        words = [self.name] + (body[1].replace("(", "").replace(")", "").split() if len(body) > 1 else [])
        return zlib.crc32((" ".join(words) + " = " + self.result).encode())

    @property
    def id(self):
        return self.explicit_id if self.explicit_id is not None else self.computed_id()

    def gated_bits(self, mask):
        bits = 0
        for _, bit, _ in self.gates[mask]:
            bits |= 1 << bit
        return bits


def tokenize(text):
    """Split on spaces outside parentheses."""
    tokens, depth, cur = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == " " and depth == 0:
            if cur:
                tokens.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        tokens.append(cur)
    return tokens


class Schema:
    def __init__(self, label, path):
        self.label = label
        self.defs = {}
        self.constructors = {}  # boxed type name -> [Definition]
        is_function, pending = False, ""
        for line in path.read_text().splitlines():
            line = line.split("//")[0].strip()
            if line == "---functions---":
                is_function = True
                continue
            if line == "---types---":
                is_function = False
                continue
            if not line:
                continue
            pending += " " + line
            if ";" not in line:
                continue
            text = " ".join(pending.replace(";", "").split())
            pending = ""
            if text.split()[0].split("#")[0] in BUILTINS or " = " not in text:
                continue
            d = Definition(text, is_function)
            self.defs[d.name] = d
            if not is_function:
                self.constructors.setdefault(d.result, []).append(d)

    def ctor(self, name, boxed_type=None):
        d = self.defs.get(name)
        if d is None:
            raise ValueError(f"unknown constructor {name}")
        if boxed_type is not None and (d.is_function or d.result != boxed_type):
            raise ValueError(f"{name} is not a constructor of {boxed_type}")
        return d


def classify(schema, typ):
    """('base', t) | ('vector', element type) | ('bare', Definition) | ('boxed', type)."""
    if typ.startswith("("):
        inner = typ[1:-1].split()
        if inner[0] == "vector":
            return ("vector", " ".join(inner[1:]))
        typ = " ".join(inner)
    if typ in BASE_TYPES:
        return ("base", typ)
    last = typ.split(".")[-1]
    if last[:1].islower():
        return ("bare", schema.ctor(typ))
    return ("boxed", typ)


# --------------------------------------------------------------------------
# TL-JSON: filling in masks, dropping them again, encoding.
# --------------------------------------------------------------------------

def complete(schema, d, obj):
    """TL-JSON -> full form: every `#` present, conditionals checked."""
    if obj.get("_") != d.name:
        raise ValueError(f"expected {d.name}, got {obj.get('_')}")
    known = {f for f, _ in d.fields} | {"_"}
    if set(obj) - known:
        raise ValueError(f"{d.name}: unknown fields {set(obj) - known}")
    masks = {}
    for mask, gated in d.gates.items():
        derived = 0
        for field, bit, inner in gated:
            on = obj.get(field) is True if inner == "true" else field in obj
            if on:
                derived |= 1 << bit
        for field, bit, inner in gated:
            on = obj.get(field) is True if inner == "true" else field in obj
            if on != bool(derived >> bit & 1):
                raise ValueError(f"{d.name}.{field}: fields sharing bit {bit} disagree")
        given = obj.get(mask)
        if given is None:
            if not gated:
                raise ValueError(f"{d.name}.{mask}: a plain # needs a value")
            given = derived
        elif given & d.gated_bits(mask) != derived:
            raise ValueError(f"{d.name}.{mask}={given:#x} disagrees with the fields present")
        masks[mask] = given
    out = {"_": d.name}
    for field, typ in d.fields:
        if typ == "#":
            out[field] = masks[field]
            continue
        m = COND.match(typ)
        if m and m.group(3) == "true":
            out[field] = bool(masks[m.group(1)] >> int(m.group(2)) & 1)
        elif m:
            if masks[m.group(1)] >> int(m.group(2)) & 1:
                out[field] = complete_value(schema, m.group(3), obj[field])
        else:
            out[field] = complete_value(schema, typ, obj[field])
    return out


def complete_value(schema, typ, value):
    kind, what = classify(schema, typ)
    if kind == "vector":
        return [complete_value(schema, what, v) for v in value]
    if kind == "bare":
        return complete(schema, what, value)
    if kind == "boxed":
        return complete(schema, schema.ctor(value["_"], what), value)
    return value


def strip(schema, d, full):
    """Full form -> TL-JSON: drop `#` masks whose every set bit has a field."""
    out = {"_": d.name}
    for field, typ in d.fields:
        if typ == "#":
            gated = d.gated_bits(field)
            if not d.gates[field] or full[field] & ~gated:
                out[field] = full[field]
            continue
        m = COND.match(typ)
        if m and m.group(3) == "true":
            out[field] = full[field]
        elif m:
            if field in full:
                out[field] = strip_value(schema, m.group(3), full[field])
        else:
            out[field] = strip_value(schema, typ, full[field])
    return out


def strip_value(schema, typ, value):
    kind, what = classify(schema, typ)
    if kind == "vector":
        return [strip_value(schema, what, v) for v in value]
    if kind == "bare":
        return strip(schema, what, value)
    if kind == "boxed":
        return strip(schema, schema.ctor(value["_"], what), value)
    return value


def tl_bytes(data):
    if len(data) <= 253:
        head = bytes([len(data)])
    else:
        head = b"\xfe" + len(data).to_bytes(3, "little")
    out = head + data
    return out + b"\x00" * (-len(out) % 4)


BOOL_TRUE, BOOL_FALSE = 0x997275B5, 0xBC799737


def encode(schema, d, full, boxed, skip=frozenset()):
    """Full form -> bytes. Types in `skip` are written as nothing (to mimic pytoniq)."""
    out = struct.pack("<I", d.id) if boxed else b""
    for field, typ in d.fields:
        m = COND.match(typ)
        if m:
            if m.group(3) == "true" or not full[m.group(1)] >> int(m.group(2)) & 1:
                continue
            typ = m.group(3)
        out += encode_value(schema, typ, full[field], skip)
    return out


def encode_value(schema, typ, value, skip):
    kind, what = classify(schema, typ)
    if kind == "vector":
        return struct.pack("<I", len(value)) + b"".join(encode_value(schema, what, v, skip) for v in value)
    if kind == "bare":
        return encode(schema, what, value, False, skip)
    if kind == "boxed":
        return encode(schema, schema.ctor(value["_"], what), value, True, skip)
    if what in skip:
        return b""
    if what == "#":
        return struct.pack("<I", value)
    if what == "int":
        return struct.pack("<i", value)
    if what == "long":
        assert re.fullmatch(r"-?\d+", value), value
        return struct.pack("<q", int(value))
    if what == "double":
        return struct.pack("<d", value)
    if what in ("int128", "int256"):
        raw = bytes.fromhex(value)
        assert len(raw) == (16 if what == "int128" else 32) and value == raw.hex(), value
        return raw
    if what == "string":
        return tl_bytes(value.encode("utf-8"))
    if what == "bytes":
        return tl_bytes(base64.b64decode(value, validate=True))
    if what == "Bool":
        return struct.pack("<I", BOOL_TRUE if value else BOOL_FALSE)
    raise ValueError(f"cannot encode {typ}")


def has_types(schema, d, full, types):
    """Does the object (recursively) hold a field of one of `types`?"""
    for field, typ in d.fields:
        m = COND.match(typ)
        if m:
            if field not in full or m.group(3) == "true":
                continue
            typ = m.group(3)
        if value_has_types(schema, typ, full[field], types):
            return True
    return False


def value_has_types(schema, typ, value, types):
    kind, what = classify(schema, typ)
    if kind == "vector":
        return any(value_has_types(schema, what, v, types) for v in value)
    if kind == "bare":
        return has_types(schema, what, value, types)
    if kind == "boxed":
        return has_types(schema, schema.ctor(value["_"], what), value, types)
    return what in types


# --------------------------------------------------------------------------
# pytoniq's data model (its dicts use "@type", ints, bytes, hex strings).
# --------------------------------------------------------------------------

def to_pytoniq(schema, d, full):
    out = {}
    for field, typ in d.fields:
        m = COND.match(typ)
        if typ == "#":
            v = full[field]
            out[field] = v - (1 << 32) if v >= 1 << 31 else v
        elif m and m.group(3) == "true":
            if full[field]:
                out[field] = True
        elif m:
            if field in full:
                out[field] = to_pytoniq_value(schema, m.group(3), full[field])
        else:
            out[field] = to_pytoniq_value(schema, typ, full[field])
    return out


def to_pytoniq_value(schema, typ, value):
    kind, what = classify(schema, typ)
    if kind == "vector":
        return [to_pytoniq_value(schema, what, v) for v in value]
    if kind == "bare":
        return to_pytoniq(schema, what, value)
    if kind == "boxed":
        return {"@type": value["_"], **to_pytoniq(schema, schema.ctor(value["_"], what), value)}
    if what == "long":
        return int(value)
    if what == "bytes":
        return base64.b64decode(value)
    return value


def from_pytoniq(schema, d, obj):
    """pytoniq's deserialised dict -> full TL-JSON form."""
    if not isinstance(obj, dict):
        raise ValueError(f"{d.name}: pytoniq gave {obj!r}")
    out = {"_": d.name}
    for field, typ in d.fields:
        m = COND.match(typ)
        if typ == "#":
            out[field] = obj[field] & 0xFFFFFFFF
        elif m and m.group(3) == "true":
            if field in obj and obj[field] != {"@type": "true"}:
                raise ValueError(f"{d.name}.{field}: {obj[field]!r}")
            out[field] = field in obj
        elif m:
            if field in obj:
                out[field] = from_pytoniq_value(schema, m.group(3), obj[field])
        else:
            if field not in obj:
                raise ValueError(f"{d.name}.{field} missing")
            out[field] = from_pytoniq_value(schema, typ, obj[field])
    extra = set(obj) - {f for f, _ in d.fields} - {"@type"}
    if extra:
        raise ValueError(f"{d.name}: unexpected {extra}")
    return out


def from_pytoniq_value(schema, typ, value):
    kind, what = classify(schema, typ)
    if kind == "vector":
        return [from_pytoniq_value(schema, what, v) for v in value]
    if kind == "bare":
        return from_pytoniq(schema, what, value)
    if kind == "boxed":
        if not isinstance(value, dict) or "@type" not in value:
            raise ValueError(f"{typ}: pytoniq gave {value!r}")
        return from_pytoniq(schema, schema.ctor(value["@type"], what), value)
    if what == "long":
        return str(value)
    if what == "bytes":
        if not isinstance(value, bytes):
            raise ValueError(f"bytes: pytoniq gave {value!r}")
        return base64.b64encode(value).decode()
    if what in ("int", "#") and (not isinstance(value, int) or isinstance(value, bool)):
        raise ValueError(f"{what}: pytoniq gave {value!r}")
    if what == "double" and not isinstance(value, float):
        raise ValueError(f"double: pytoniq gave {value!r}")
    return value


# --------------------------------------------------------------------------
# Fixed values.
# --------------------------------------------------------------------------

def blob(n, label):
    return hashlib.shake_256(label.encode()).digest(n)


def b64(n, label):
    return base64.b64encode(blob(n, label)).decode()


def h256(label):
    return blob(32, label).hex()


def block(wc, shard, seqno, label):
    return {"_": "tonNode.blockIdExt", "workchain": wc, "shard": str(shard), "seqno": seqno,
            "root_hash": h256(label + "/root"), "file_hash": h256(label + "/file")}


MC_SHARD = -(1 << 63)                 # 0x8000000000000000
BC_SHARD = 0xA000000000000000 - (1 << 64)
MC = block(-1, MC_SHARD, 34567890, "mc")
MC2 = block(-1, MC_SHARD, 34567900, "mc2")
BC = block(0, BC_SHARD, 41000123, "bc")
ZERO = {"_": "tonNode.zeroStateIdExt", "workchain": -1,
        "root_hash": h256("zero/root"), "file_hash": h256("zero/file")}
ACCOUNT = {"_": "liteServer.accountId", "workchain": 0, "id": h256("account")}
ED25519 = {"_": "pub.ed25519", "key": h256("ed25519")}


def tl(label, name, obj):
    """Serialise a lite_api object with our encoder, as base64 (for nesting in bytes)."""
    schema = SCHEMAS[label]
    d = schema.ctor(name)
    return base64.b64encode(encode(schema, d, complete(schema, d, {"_": name, **obj}), True)).decode()


SCHEMAS = {}


def lite_objects():
    txid_full = {"_": "liteServer.transactionId", "account": h256("tx1/acc"), "lt": "47000000000001",
                 "hash": h256("tx1/hash")}
    txid_lt = {"_": "liteServer.transactionId", "lt": "47000000000002"}
    metadata = {"_": "liteServer.transactionMetadata", "mode": 0, "depth": 2,
                "initiator": {"_": "liteServer.accountId", "workchain": -1, "id": "00" * 31 + "01"},
                "initiator_lt": "46999999999999"}
    txid_meta = {"_": "liteServer.transactionId", "account": h256("tx3/acc"), "lt": "47000000000003",
                 "hash": h256("tx3/hash"), "metadata": metadata}
    sig = lambda i: {"_": "liteServer.signature", "node_id_short": h256(f"sig{i}/node"),
                     "signature": b64(64, f"sig{i}")}
    return [
        ("liteServer.getMasterchainInfo", {}, "function without fields: the id alone"),
        ("liteServer.masterchainInfo",
         {"last": MC, "state_root_hash": h256("state"), "init": ZERO},
         "bare nested tonNode.blockIdExt/zeroStateIdExt, int256, long = -2^63, negative int"),
        ("liteServer.masterchainInfoExt",
         {"mode": 0, "version": 257, "capabilities": str((1 << 53) + 1), "last": MC,
          "last_utime": 1718000000, "now": 1718000005, "state_root_hash": h256("state"), "init": ZERO},
         "plain # = 0 (gates nothing, written as a number); long 2^53+1"),
        ("liteServer.version",
         {"mode": 0xFFFFFFFF, "version": 0x101, "capabilities": "-1", "now": 2147483647},
         "plain # = 0xffffffff (bit 31; pytoniq takes it as signed -1); long -1; int max"),
        ("liteServer.currentTime", {"now": -2147483648}, "int min"),
        ("liteServer.blockHeader", {"id": MC, "mode": 0, "header_proof": b64(1, "hp")},
         "bytes of 1 byte (2 pad bytes); plain # after a nested object"),
        ("liteServer.sendMessage", {"body": b64(253, "body")},
         "bytes of 253 bytes: longest 1-byte length form (2 pad bytes)"),
        ("liteServer.blockData", {"id": BC, "data": b64(254, "bd")},
         "bytes of 254 bytes: shortest 0xfe form (2 pad bytes)"),
        ("liteServer.blockState",
         {"id": BC, "root_hash": h256("bs/root"), "file_hash": h256("bs/file"), "data": b64(65600, "bs")},
         "bytes of 65600 bytes: 0xfe form whose 3-byte length needs its third byte"),
        ("liteServer.accountState",
         {"id": MC, "shardblk": BC, "shard_proof": "", "proof": b64(2, "ap"), "state": b64(3, "as")},
         "bytes of 0, 2, 3 bytes (3, 1, 0 pad bytes)"),
        ("liteServer.allShardsInfo", {"id": MC, "proof": b64(255, "asp"), "data": b64(257, "asd")},
         "bytes of 255 and 257 bytes: 0xfe form with 1 and 3 pad bytes"),
        ("liteServer.runSmcMethod",
         {"mode": 4, "id": MC, "account": ACCOUNT, "method_id": "85143", "params": b64(4, "params")},
         "plain # = 4 (no field is gated by it); bare liteServer.accountId; bytes of 4 (3 pad)"),
        ("liteServer.runMethodResult",
         {"mode": 5, "id": MC, "shardblk": BC, "shard_proof": b64(40, "rm/sp"), "proof": b64(41, "rm/p"),
          "exit_code": -14, "result": b64(42, "rm/r")},
         "mode.0?bytes x2 and mode.2?bytes set, mode.1/3/4 clear; mask omitted; negative int"),
        ("liteServer.runMethodResult",
         {"id": MC, "shardblk": BC, "shard_proof": b64(5, "a"), "proof": b64(6, "b"),
          "state_proof": b64(7, "c"), "init_c7": b64(8, "d"), "lib_extras": b64(9, "e"),
          "exit_code": 0, "result": b64(10, "f")},
         "every conditional set (mode 0x1f, omitted), the last one after an unconditional int"),
        ("liteServer.getTransactions",
         {"count": 16, "account": ACCOUNT, "lt": "47000000000001", "hash": h256("gt/hash")},
         "count:# as a plain number (the mask-like type gating nothing)"),
        ("liteServer.transactionList", {"ids": [MC, BC], "transactions": b64(256, "tl")},
         "(vector tonNode.blockIdExt) of bare objects; bytes of 256 (0 pad)"),
        ("liteServer.lookupBlock",
         {"mode": 1, "id": {"_": "tonNode.blockId", "workchain": 0, "shard": str(BC_SHARD), "seqno": 41000123}},
         "mode bit 0 (by seqno) has no field: mask written as 1; lt/utime absent"),
        ("liteServer.lookupBlock",
         {"id": {"_": "tonNode.blockId", "workchain": -1, "shard": str(MC_SHARD), "seqno": 0},
          "lt": "9223372036854775807"},
         "mode.1?long set (mode 2, omitted); long max"),
        ("liteServer.listBlockTransactions",
         {"id": BC, "mode": 0xE7, "count": 40,
          "after": {"_": "liteServer.transactionId3", "account": h256("after"), "lt": "47000000000001"},
          "reverse_order": True, "want_proof": True},
         "mode 0xe7: bits 0-2 without fields (mask written), mode.7?bare object, two mode.N?true set"),
        ("liteServer.listBlockTransactions",
         {"id": BC, "mode": 7, "count": 256, "reverse_order": False, "want_proof": False},
         "mode 7: mode.7? clear, both ?true false"),
        ("liteServer.blockTransactions",
         {"id": BC, "req_count": 3, "incomplete": True, "ids": [txid_full, txid_lt, txid_meta], "proof": ""},
         "req_count:# plain; Bool true; vector of bare liteServer.transactionId (explicit id) with "
         "per-element masks (7, 2, 0x107 with nested metadata); empty bytes"),
        ("liteServer.transactionId", txid_meta,
         "explicit #b12f65af boxed; mode bits 0,1,2,8 (omitted); nested mask-gated bare object"),
        ("liteServer.getConfigParams",
         {"mode": 0, "id": MC, "param_list": [0, 1, 15, 34, -1024, 2147483647]},
         "(vector int) with negatives"),
        ("liteServer.getValidatorStats",
         {"mode": 5, "id": MC, "limit": 1000, "start_after": h256("vs"), "modified_after": 1718000000},
         "explicit #091a58bc; mode.0?int256 and mode.2?int set"),
        ("liteServer.partialBlockProof",
         {"complete": False, "from": MC, "to": MC2, "steps": [
             {"_": "liteServer.blockLinkBack", "to_key_block": True, "from": MC2, "to": MC,
              "dest_proof": b64(30, "lb/d"), "proof": b64(31, "lb/p"), "state_proof": b64(32, "lb/s")},
             {"_": "liteServer.blockLinkForward", "to_key_block": False, "from": MC, "to": MC2,
              "dest_proof": b64(33, "lf/d"), "config_proof": b64(300, "lf/c"),
              "signatures": {"_": "liteServer.signatureSet.ordinary", "validator_set_hash": -12345678,
                             "catchain_seqno": 99, "signatures": [sig(1), sig(2)]}}]},
         "(vector liteServer.BlockLink): boxed elements of two constructors; boxed "
         "liteServer.SignatureSet with explicit #f644a6e6; Bool false"),
        ("liteServer.getOutMsgQueueSizes", {"wc": 0, "shard": str(BC_SHARD)},
         "two fields gated by the same bit (mode.0?int, mode.0?long); mask omitted"),
        ("liteServer.getDispatchQueueMessages",
         {"mode": 5, "id": BC, "addr": h256("dq"), "after_lt": "0", "max_messages": 100,
          "want_proof": True, "one_account": False, "messages_boc": True},
         "three trailing ?true flags: set, clear, set (mode 5, omitted)"),
        ("liteServer.dispatchQueueMessages",
         {"id": BC, "messages": [{"_": "liteServer.dispatchQueueMessage", "addr": h256("m1"), "lt": "1",
                                  "hash": h256("m1/h"), "metadata": metadata}],
          "complete": True, "proof": b64(20, "dqp"), "messages_boc": b64(21, "dqb")},
         "mask gating fields after a vector and a Bool (mode.0?bytes, mode.2?bytes)"),
        ("liteServer.error", {"code": -400, "message": "cannot load block (ü, 2 bytes in UTF-8)"},
         "string field: hand-encoded (pytoniq writes nothing for string); non-ASCII"),
        ("adnl.message.query",
         {"query_id": h256("qid"),
          "query": tl("lite_api", "liteServer.query",
                      {"data": tl("lite_api", "liteServer.getAccountState", {"id": MC, "account": ACCOUNT})})},
         "bytes holding a boxed liteServer.query holding liteServer.getAccountState (lite client wire)"),
        ("liteServer.signatureSet.simplex",
         {"cc_seqno": 7, "validator_set_hash": 305419896, "signatures": [sig(3)],
          "session_id": h256("session"), "slot": 12, "candidate": b64(100, "cand")},
         "definition written over two lines (id from the joined text)"),
        ("liteServer.nonfinal.validatorGroupInfo",
         {"next_block_id": {"_": "tonNode.blockId", "workchain": 0, "shard": str(BC_SHARD), "seqno": 41000124},
          "cc_seqno": 3, "prev": [BC],
          "candidates": [{"_": "liteServer.nonfinal.candidateInfo",
                          "id": {"_": "liteServer.nonfinal.candidateId", "block_id": BC,
                                 "creator": h256("creator"), "collated_data_hash": h256("cdh")},
                          "available": True, "approved_weight": "1152921504606846976",
                          "signed_weight": "0", "total_weight": "-9223372036854775807"}]},
         "two levels of bare nesting inside a vector; long 2^60 and -(2^63-1)"),
    ]


def ton_objects():
    udp = {"_": "adnl.address.udp", "ip": 3232235777 - (1 << 32), "port": 30303}
    addr_list = {"_": "adnl.addressList", "addrs": [udp], "version": 1718000000,
                 "reinit_date": 1718000000, "priority": 0, "expire_at": 0}
    return [
        ("tcp.ping", {"random_id": "-8070450532247928832"}, "function, negative long"),
        ("adnl.addressList",
         {"addrs": [udp,
                    {"_": "adnl.address.udp6", "ip": "20010db8000000000000000000000001", "port": 443},
                    {"_": "adnl.address.tunnel", "to": h256("tunnel"), "pubkey": ED25519},
                    {"_": "adnl.address.reverse"}],
          "version": 1, "reinit_date": 2, "priority": -1, "expire_at": 0},
         "(vector adnl.Address): boxed elements of four constructors incl. int128 and an empty one"),
        ("dht.valueFound",
         {"value": {"_": "dht.value",
                    "key": {"_": "dht.keyDescription",
                            "key": {"_": "dht.key", "id": h256("dht/id"),
                                    "name": base64.b64encode(b"address").decode(), "idx": 0},
                            "id": ED25519, "update_rule": {"_": "dht.updateRule.signature"},
                            "signature": b64(64, "kd")},
                    "value": tl("ton_api", "adnl.addressList", addr_list), "ttl": 1718003600,
                    "signature": b64(64, "dv")}},
         "four levels: boxed single-constructor dht.Value, bare dht.keyDescription/dht.key, "
         "boxed PublicKey and dht.UpdateRule; bytes holding TL"),
        ("overlay.messageExtra",
         {"flags": 1, "certificate": {"_": "overlay.memberCertificate", "issued_by": ED25519, "flags": 1,
                                      "slot": 7, "expire_at": 1718086400, "signature": b64(64, "mc")}},
         "flags.0?boxed type set (mask omitted); an `int` field named flags"),
        ("overlay.messageWithExtra", {"overlay": h256("overlay"), "extra": {"_": "overlay.messageExtra"}},
         "bare nested object whose only conditional is clear (flags 0, omitted)"),
        ("overlay.broadcastList", {"hashes": [h256("b1"), "00" * 31 + "01", "ff" * 32]},
         "(vector int256)"),
        ("pub.overlay", {"name": ""}, "empty bytes: 1 length byte + 3 pad bytes"),
        ("rldp.messagePart",
         {"transfer_id": h256("transfer"),
          "fec_type": {"_": "fec.raptorQ", "data_size": 9000, "symbol_size": 768, "symbols_count": 12},
          "part": 0, "total_size": "9000", "seqno": 3, "data": b64(768, "part")},
         "boxed fec.Type in the middle; bytes of 768"),
        ("adnl.packetContents",
         {"rand1": b64(15, "rand1"), "flags": 0x4CD, "from": ED25519,
          "message": {"_": "adnl.message.query", "query_id": h256("q"), "query": b64(12, "qq")},
          "messages": [{"_": "adnl.message.nop"}, {"_": "adnl.message.custom", "data": b64(5, "cu")}],
          "seqno": "10", "confirm_seqno": "9", "reinit_date": 1718000000, "dst_reinit_date": 1717000000,
          "rand2": b64(7, "rand2")},
         "flags bits 0,2,3,6,7,10 (omitted): boxed, flags.3?(vector adnl.Message), two fields on bit 10; "
         "definition over many lines"),
        ("adnl.packetContents",
         {"rand1": b64(1, "r1"), "flags": 0x812,
          "from_short": {"_": "adnl.id.short", "id": h256("short")},
          "address": addr_list, "signature": b64(64, "pcs"), "rand2": ""},
         "flags bits 1,4,11 (omitted): flags.1?bare, flags.4?bare, flags.11?bytes"),
        ("tonNode.capabilities", {"version_major": 2, "version_minor": 14, "flags": 3},
         "explicit #f5bf60c0; trailing flags:# gating nothing (written)"),
        ("tonNode.blockBroadcast",
         {"id": BC, "catchain_seqno": 4, "validator_set_hash": -559038737,
          "signatures": [{"_": "tonNode.blockSignature", "who": h256(f"w{i}"), "signature": b64(64, f"s{i}")}
                         for i in range(3)],
          "proof": b64(100, "bp"), "data": b64(500, "bb")},
         "definition over three lines; vector of bare objects with bytes"),
        ("tonNode.nextBlocksFull",
         {"blocks": [{"_": "tonNode.dataFull", "id": BC, "proof": b64(9, "p"), "block": b64(99, "b"),
                      "is_link": False},
                     {"_": "tonNode.dataFullEmpty"},
                     {"_": "tonNode.dataFullCompressed", "id": MC, "flags": 0, "compressed": b64(50, "c"),
                      "is_link": True}]},
         "(vector tonNode.DataFull): boxed elements, an empty constructor, plain flags:#, Bool"),
        ("testVectorBytes", {"value": ["", base64.b64encode(b"a").decode(), b64(300, "vb")]},
         "(vector bytes) with 0, 1 and 300 byte elements"),
        ("engine.validator.addListeningPort",
         {"ip": 2130706433, "port": 3278, "categories": [0, 1, 2], "priority_categories": []},
         "(vector int) and an empty vector"),
        ("overlay.repairPlumtreePart",
         {"broadcast_id": h256("rp"), "timestamp": 1718000000.25, "part_index": 3, "tree_index": -1},
         "double field: hand-encoded (pytoniq writes nothing for double)"),
        ("adnl.stats.ipPackets", {"ip_str": "203.0.113.7:30303", "packets": "123456789012"},
         "string field: hand-encoded (pytoniq writes nothing for string)"),
        ("db.block.info",
         {"id": BC, "flags": 0x82400A, "prev_left": MC, "next_left": MC2, "ts": 1718000000,
          "state": h256("dbstate"), "masterchain_ref_seqno": 34567890},
         "explicit #4ac6e727; flags bits 1,3,14,17,23 set and 2,4,13 clear (omitted)"),
    ]


# pytoniq read-back failures we expect, by name.
READBACK_BUGS = {
    "liteServer.getConfigParams": "(vector int) read as [{}...] consuming no bytes",
    "overlay.broadcastList": "(vector int256) read as [{}...] consuming no bytes",
    "testVectorBytes": "(vector bytes) elements read as the builtin line `bytes data:string`, i.e. as UTF-8 "
                       "strings in objects, which fails on binary data",
    "engine.validator.addListeningPort": "(vector int) read as [{}...] consuming no bytes",
    "overlay.repairPlumtreePart": "double read as zero bytes",
}


# --------------------------------------------------------------------------
# Building the corpus.
# --------------------------------------------------------------------------

def build():
    import pytoniq_core
    from pytoniq_core.tl.generator import TlGenerator, TlSchemas

    schema_dir = Path(pytoniq_core.__file__).parent / "tl" / "schemas"
    lines, notes, id_notes = [], [], {}
    counts = {}
    for label, objects in (("lite_api", None), ("ton_api", None)):
        SCHEMAS[label] = Schema(label, schema_dir / f"{label}.tl")
    for label, objects in (("lite_api", lite_objects()), ("ton_api", ton_objects())):
        schema = SCHEMAS[label]
        path = schema_dir / f"{label}.tl"
        writer = TlGenerator(str(path)).generate()
        reader = TlSchemas(TlGenerator(str(path)).generate().list, auto_deserialize=False)
        for name, fields, shape in objects:
            d = schema.ctor(name)
            full = complete(schema, d, {"_": name, **fields})
            tl_json = strip(schema, d, full)
            assert complete(schema, d, tl_json) == full, name
            ours = encode(schema, d, full, True)

            py_schema = writer.get_by_name(name)
            py_id = int.from_bytes(py_schema.id, "big")
            if py_id != d.computed_id():
                id_notes[name] = (py_id, d.computed_id(), d.explicit_id is not None)
            assert py_id == d.id, f"{name}: pytoniq id {py_id:08x}, schema id {d.id:08x}"

            theirs = writer.serialize(py_schema, to_pytoniq(schema, d, full))
            hand = has_types(schema, d, full, {"string", "double"})
            if hand:
                assert theirs != ours and theirs == encode(schema, d, full, True, {"string", "double"}), name
                assert "hand-encoded" in shape, name
            else:
                assert theirs == ours, f"{name}: pytoniq {theirs.hex()}\n  ours {ours.hex()}"

            try:
                back, used = reader.deserialize(ours)
                if used != len(ours):
                    raise ValueError(f"read {used} of {len(ours)} bytes")
                if back.get("@type") != name:
                    raise ValueError(f"read as {back.get('@type')}")
                again = strip(schema, d, from_pytoniq(schema, d, back))
                if again != tl_json:
                    raise ValueError(f"read back as {again}")
                problem = None
            except Exception as e:  # pytoniq mis-read: record, check it was expected
                problem = f"{type(e).__name__}: {e}"[:200]
            if (problem is None) != (name not in READBACK_BUGS):
                raise SystemExit(f"{name}: unexpected read-back result: {problem}")
            if problem:
                notes.append(f"{name}: pytoniq cannot read it back ({READBACK_BUGS[name]}); it says {problem}")

            lines.append({"schema": label, "name": name, "id": f"{py_id:08x}", "hex": ours.hex(),
                          "json": tl_json, "shape": shape})
            counts[label] = counts.get(label, 0) + 1
    return lines, counts, notes, id_notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with pytoniq.jsonl, write nothing")
    args = parser.parse_args()
    ensure_pytoniq()
    lines, counts, notes, id_notes = build()
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"{OUTPUT}: {'up to date' if same else 'DIFFERS'}")
        if not same:
            sys.exit(1)
    else:
        OUTPUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUTPUT} ({len(lines)} objects)")
    for label, n in counts.items():
        print(f"  {label}: {n} objects")
    hand = [l["name"] for l in lines if "hand-encoded" in l["shape"]]
    print(f"  hand-encoded (pytoniq drops string/double): {', '.join(hand)}")
    for note in notes:
        print(f"  {note}")
    for name, (py_id, crc, explicit) in id_notes.items():
        why = "explicit id in the schema" if explicit else "pytoniq mis-hashes"
        print(f"  id {name}: pytoniq {py_id:08x}, crc32 rule {crc:08x} ({why})")


if __name__ == "__main__":
    main()
