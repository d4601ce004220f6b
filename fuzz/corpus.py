# The committed corpora, one file per target: corpus/<target>.hex holds one
# input per line, in hex, sorted (so a merge shows up in review as lines added
# and removed). The fuzzers want a directory of files, so:
#   python3 fuzz/corpus.py unpack TARGET DIR   writes each input to DIR/<sha1>
#   python3 fuzz/corpus.py pack TARGET DIR     replaces corpus/TARGET.hex with DIR's files
import hashlib, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def path(target):
    return os.path.join(HERE, "corpus", target + ".hex")

def unpack(target, folder):
    os.makedirs(folder, exist_ok=True)
    count = 0
    with open(path(target)) as lines:
        for line in lines:
            data = bytes.fromhex(line.strip())
            name = hashlib.sha1(data).hexdigest()
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            count += 1
    print(f"{target}: {count} inputs unpacked into {folder}")

def pack(target, folder):
    inputs = set()
    for name in os.listdir(folder):
        with open(os.path.join(folder, name), "rb") as f:
            inputs.add(f.read().hex())
    with open(path(target), "w") as out:
        for line in sorted(inputs):
            out.write(line + "\n")
    print(f"{target}: {len(inputs)} inputs packed into {path(target)}")

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("pack", "unpack"):
        sys.exit("usage: corpus.py pack|unpack TARGET DIR")
    {"pack": pack, "unpack": unpack}[sys.argv[1]](sys.argv[2], sys.argv[3])
