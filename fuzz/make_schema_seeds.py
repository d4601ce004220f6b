# Writes the parse_schema seeds into seeds/parse_schema/: ~20-line chunks (cut at a definition end or a
# blank line, each under 4000 bytes) of tl-types/schema/*.tl and of a few TDLib/TON
# schemas from a TL corpus directory (default /work/tl-corpus).
# Usage: python3 fuzz/make_schema_seeds.py [CORPUS_DIR]
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPUS = sys.argv[1] if len(sys.argv) > 1 else "/work/tl-corpus"
OUT = os.path.join(HERE, "seeds", "parse_schema")

def chunks(path, size=20):
    lines = open(path, encoding="utf-8").read().split("\n")
    out, cur = [], []
    for line in lines:
        cur.append(line)
        if len(cur) >= size:
            s = line.strip()
            # cut at a definition end or a blank line, so multi-line definitions stay whole
            if s.endswith(";") or s == "" or len(cur) >= size + 25:
                out.append(cur); cur = []
    if any(l.strip() for l in cur):
        out.append(cur)
    # keep every seed within -max_len=4096: halve chunks that are larger
    done = []
    while out:
        c = out.pop(0)
        if len("\n".join(c).encode()) > 4000 and len(c) > 1:
            out[:0] = [c[: len(c) // 2], c[len(c) // 2 :]]
        else:
            done.append(c)
    return ["\n".join(c).strip("\n") + "\n" for c in done if any(l.strip() for l in c)]

def pick(items, n):
    if n >= len(items):
        return list(enumerate(items))
    idx = sorted({round(i * (len(items) - 1) / (n - 1)) for i in range(n)})
    return [(i, items[i]) for i in idx]

plan = [
    (os.path.join(REPO, "tl-types", "schema", "mtproto.tl"), "mtproto", 100),
    (os.path.join(REPO, "tl-types", "schema", "api.tl"), "api", 30),
    (os.path.join(CORPUS, "tdlib-rs-1.4.0/api.tl"), "tdlib-api", 6),
    (os.path.join(CORPUS, "pytoniq-core-0.2.1/ton_api.tl"), "ton-api", 6),
    (os.path.join(CORPUS, "pytoniq-core-0.2.1/tonlib_api.tl"), "tonlib-api", 3),
    (os.path.join(CORPUS, "pytoniq-core-0.2.1/lite_api.tl"), "lite-api", 2),
    (os.path.join(CORPUS, "everscale-network-0.5.5/scheme.tl"), "everscale-scheme", 4),
    (os.path.join(CORPUS, "tycho-network-1.0.0/proto.tl"), "tycho-proto", 4),
    (os.path.join(CORPUS, "tdlib-sys-0.2.0/telegram_api.tl"), "tdlib-telegram-api", 3),
    (os.path.join(CORPUS, "tdlib-sys-0.2.0/mtproto_api.tl"), "tdlib-mtproto-api", 2),
    (os.path.join(CORPUS, "tdlib-sys-0.2.0/secret_api.tl"), "tdlib-secret-api", 2),
]
total = 0
for path, stem, n in plan:
    for i, text in pick(chunks(path), n):
        with open(os.path.join(OUT, f"{stem}-{i:03d}.tl"), "w", encoding="utf-8") as f:
            f.write(text)
        total += 1
print(total)
