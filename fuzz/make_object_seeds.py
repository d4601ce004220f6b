# Writes the seeds of the object targets into seeds/<target>/ from the
# cross-check corpus (tests/corpus/api.jsonl: objects gramjs serialised, one
# per constructor and function, in a minimal and a full variant):
#   decode_generated  selector byte + bytes: 3 (dispatch) for every object,
#                     and 0/1/2 for the constructors of Updates,
#                     messages.Messages and RichText
#   decode_dynamic    bytes, plus the MTProto service objects below
#   roundtrip         bytes
#   encode_json       the TL-JSON text
# Usage: python3 fuzz/make_object_seeds.py
import gzip, json, os, re, struct

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SELECTORS = {"Updates": 0, "messages.Messages": 1, "RichText": 2}

# constructor name -> the type it builds, from the schema's constructor lines
types = {}
for line in open(os.path.join(REPO, "schema", "api.tl"), encoding="utf-8"):
    if line.startswith("---functions---"):
        break
    m = re.match(r"^([\w.]+)#[0-9a-f]+ .*= ([\w.]+);", line)
    if m:
        types[m.group(1)] = m.group(2)

def write(target, name, data):
    folder = os.path.join(HERE, "seeds", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)

counts = {}
for line in open(os.path.join(REPO, "tests", "corpus", "api.jsonl"), encoding="utf-8"):
    vector = json.loads(line)
    name, variant = vector["name"], vector["variant"]
    data = bytes.fromhex(vector["hex"])
    stem = f"{name}-{variant}"
    selector = SELECTORS.get(types.get(name))
    if selector is not None:
        write("decode_generated", stem, bytes([selector]) + data)
    if variant != "full":
        continue
    write("decode_generated", stem + "-any", bytes([3]) + data)
    write("decode_dynamic", stem, data)
    write("roundtrip", stem, data)
    write("encode_json", stem + ".json", json.dumps(vector["json"], ensure_ascii=False).encode())

# MTProto service objects for the dynamic codec, which knows that schema too:
# rpc_result{req_msg_id, result: boolTrue}, msg_container with one message,
# and gzip_packed around boolTrue.
def tl_bytes(b):
    head = bytes([len(b)]) if len(b) < 254 else b"\xfe" + len(b).to_bytes(3, "little")
    body = head + b
    return body + b"\0" * (-len(body) % 4)
bool_true = struct.pack("<I", 0x997275B5)
rpc_result = struct.pack("<Iq", 0xF35C6D01, 1) + bool_true
message = struct.pack("<qii", 2, 1, len(bool_true)) + bool_true
container = struct.pack("<Ii", 0x73F1F8DC, 1) + message
gzip_packed = struct.pack("<I", 0x3072CFA1) + tl_bytes(gzip.compress(bool_true, mtime=0))
for stem, data in [("rpc_result", rpc_result), ("msg_container", container), ("gzip_packed", gzip_packed)]:
    write("decode_dynamic", stem, data)

for target in sorted(os.listdir(os.path.join(HERE, "seeds"))):
    print(target, len(os.listdir(os.path.join(HERE, "seeds", target))))

# A libFuzzer dictionary for encode_json: JSON punctuation, the "_" key, and
# every constructor, function and field name of the schema as a JSON string.
names = {"_"}
for line in open(os.path.join(REPO, "schema", "api.tl"), encoding="utf-8"):
    m = re.match(r"^([\w.]+)#[0-9a-f]+ (.*)= [\w.<>]+;", line)
    if m:
        names.add(m.group(1))
        names.update(re.findall(r"(\w+):", m.group(2)))
with open(os.path.join(HERE, "dict", "encode_json.dict"), "w", encoding="utf-8") as f:
    for token in ["{", "}", "[", "]", ":", ",", "null", "true", "false", '"NaN"', "-9223372036854775808", "1e308"]:
        f.write('"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"\n')
    for name in sorted(names):
        f.write('"\\"' + name + '\\""\n')
