// Generates TL serialisation test vectors for ../../tl-types/schema/api.tl with gramjs
// (npm package `telegram`), an independent TL implementation.
//
// gramjs builds its API classes at run time from TL schema text that it ships
// as a JS string (telegram/tl/apiTl.js, telegram/tl/schemaTl.js). We put our
// own schema text into Node's module cache under those two module paths before
// loading telegram/tl/api.js, so gramjs builds its classes from OUR layer.
// No gramjs code is copied or modified on disk.
//
// Usage: npm install && node generate.mjs
// Output: api.jsonl (every constructor and function, "minimal" and "full")
//         seed.json (auth.sendCode / auth.sentCode scenario; one JSON object a line)

import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SCHEMA = path.resolve(here, "../../tl-types/schema/api.tl");
const schemaText = fs.readFileSync(SCHEMA, "utf8");

// ---------------------------------------------------------------------------
// 1. Load gramjs with our schema.
// ---------------------------------------------------------------------------
const gramDir = path.dirname(require.resolve("telegram/package.json"));
const gramRequire = createRequire(path.join(gramDir, "package.json"));
const gramVersion = JSON.parse(
  fs.readFileSync(path.join(gramDir, "package.json"), "utf8"),
).version;

function injectModule(file, exportsValue) {
  const Module = require("node:module");
  const m = new Module(file);
  m.filename = file;
  m.loaded = true;
  m.exports = exportsValue;
  require.cache[file] = m;
}
const apiTlPath = gramRequire.resolve("./tl/apiTl.js");
const schemaTlPath = gramRequire.resolve("./tl/schemaTl.js");
if (require.cache[apiTlPath] || require.cache[gramRequire.resolve("./tl/api.js")]) {
  throw new Error("gramjs was loaded before the schema could be injected");
}
injectModule(apiTlPath, schemaText); // our api.tl replaces gramjs's layer
injectModule(schemaTlPath, ""); // no MTProto-service schema: api.tl only
// telegram/tl/index.js (pulled in by BinaryReader, used below for a decode
// round trip) calls patchAll(), which grafts gramjs's client-side
// CustomMessage onto Message/MessageService (its init() rejects id 0, etc.).
// That is client convenience, not serialisation: make it a no-op so that the
// classes stay exactly as generated from the schema.
injectModule(gramRequire.resolve("./tl/patched/index.js"), { patchAll() {} });

const gh = gramRequire("./tl/generationHelpers.js");
// gramjs skips boolFalse/boolTrue/true/error/null by default (CORE_TYPES);
// empty the set so that it builds classes for these api.tl definitions too.
gh.CORE_TYPES.clear();
const { Api } = gramRequire("./tl/api.js");
const bigInt = gramRequire("big-integer");

function gramClass(tlName) {
  const dot = tlName.indexOf(".");
  if (dot === -1) return Api[gh.snakeToCamelCase(tlName)];
  const ns = Api[tlName.slice(0, dot)];
  return ns && ns[gh.snakeToCamelCase(tlName.slice(dot + 1))];
}

// gramjs's own parse of the same text, used to check that its argument list
// matches ours definition by definition.
const gramDefs = new Map();
for (const d of gh.parseTl(schemaText, 0, [], new Set())) {
  const full = d.namespace ? `${d.namespace}.${d.name}` : d.name;
  gramDefs.set(`${d.isFunction ? "f" : "c"}:${full}`, d);
}

// ---------------------------------------------------------------------------
// 2. Our own parse of api.tl (names, ids, fields, types).
// ---------------------------------------------------------------------------
const PRIMITIVES = new Set([
  "int", "long", "double", "int128", "int256", "string", "bytes", "Bool", "true", "#",
]);

function parseSchema(text) {
  const defs = [];
  let section = "types";
  for (let line of text.split("\n")) {
    const c = line.indexOf("//");
    if (c !== -1) line = line.slice(0, c);
    line = line.trim();
    if (!line) continue;
    const sec = line.match(/^---(\w+)---$/);
    if (sec) {
      section = sec[1];
      continue;
    }
    const m = line.match(/^([\w.]+)#([0-9a-f]+)\s*(.*?)\s*=\s*([^;]+);$/);
    if (!m) throw new Error(`cannot parse: ${line}`);
    const [, name, idHex, argText, result] = m;
    if (name === "vector") continue; // vector#1cb5c415 {t:Type} # [ t ] = Vector t
    const params = [];
    for (const tok of argText.split(/\s+/).filter(Boolean)) {
      if (tok.startsWith("{")) continue; // {X:Type}
      const pm = tok.match(/^(\w+):(.+)$/);
      if (!pm) throw new Error(`bad param ${tok} in ${line}`);
      const [, pname, ptype] = pm;
      const cm = ptype.match(/^(\w+)\.(\d+)\?(.+)$/);
      params.push(
        cm
          ? { name: pname, type: cm[3], flag: cm[1], bit: Number(cm[2]) }
          : { name: pname, type: ptype },
      );
    }
    defs.push({
      name,
      id: idHex.padStart(8, "0"),
      params,
      result: result.trim(),
      kind: section === "functions" ? "function" : "constructor",
    });
  }
  return defs;
}

const defs = parseSchema(schemaText);
const ctorsByType = new Map();
const ctorByName = new Map();
const funcByName = new Map();
for (const d of defs) {
  if (d.kind === "constructor") {
    if (!ctorsByType.has(d.result)) ctorsByType.set(d.result, []);
    ctorsByType.get(d.result).push(d);
    ctorByName.set(d.name, d);
  } else {
    funcByName.set(d.name, d);
  }
}

function vectorElem(type) {
  const m = type.match(/^[Vv]ector<(.+)>$/);
  return m ? m[1] : null;
}
function isBareObjectType(type) {
  const last = type.split(".").pop();
  return !PRIMITIVES.has(type) && /^[a-z%]/.test(last);
}

// Deterministic choice of a constructor for each boxed type used in nested
// positions: the first constructor (schema order) of minimal nesting height
// when built "minimal" (conditional fields absent, vectors empty). This picks
// non-recursive constructors and bounds depth.
const GENERIC_QUERY = "help.getConfig"; // used for every `!X` field
const choice = new Map();
const height = new Map();
{
  const requiredTypes = (d) =>
    d.params
      .filter((p) => !p.flag && p.type !== "#" && !PRIMITIVES.has(p.type) && !vectorElem(p.type))
      .map((p) => (p.type === "!X" ? "!X" : p.type));
  height.set("!X", 1);
  for (let round = 1; round < 50; round++) {
    let changed = false;
    for (const [type, ctors] of ctorsByType) {
      if (choice.has(type)) continue;
      for (const d of ctors) {
        const req = requiredTypes(d);
        if (req.every((t) => height.has(t) && height.get(t) < round)) {
          choice.set(type, d);
          height.set(type, round);
          changed = true;
          break;
        }
      }
    }
    if (!changed) break;
  }
}

// ---------------------------------------------------------------------------
// 3. Values.
// ---------------------------------------------------------------------------
const NON_ASCII = "héllo ✓ 👍";
const LONG_STRING = "long string, 300+ bytes, non-ASCII: " + `${NON_ASCII} 0123456789 `.repeat(12);
if (Buffer.byteLength(LONG_STRING) < 300) throw new Error("long string too short");
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const hexPattern = (n, f) => Buffer.from(Array.from({ length: n }, (_, i) => f(i) & 255)).toString("hex");

// "full" values cycle through these per top-level object, so that a vector of
// two elements gets both entries.
const FULL = {
  int: [-2147483648, 2147483647],
  long: ["-9223372036854775808", "9223372036854775807"],
  double: [1.5, -0.25],
  string: [LONG_STRING, NON_ASCII],
  bytes: [ALL_BYTES.toString("base64"), Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x7f, 0x80]).toString("base64")],
  Bool: [true, false],
  int128: [hexPattern(16, (i) => i * 0x11), hexPattern(16, (i) => 0xff - i)],
  int256: [hexPattern(32, (i) => i), hexPattern(32, (i) => 0xff - 3 * i)],
};
const MINIMAL = {
  int: 0,
  long: "0",
  double: 0,
  string: "",
  bytes: "",
  Bool: false,
  int128: "00".repeat(16),
  int256: "00".repeat(32),
};

class Counters {
  constructor() {
    this.n = {};
  }
  next(kind) {
    const i = this.n[kind] || 0;
    this.n[kind] = i + 1;
    const list = FULL[kind];
    return list[i % list.length];
  }
}

function valueJson(type, mode, ctr) {
  const elem = vectorElem(type);
  if (elem) return mode === "full" ? [valueJson(elem, mode, ctr), valueJson(elem, mode, ctr)] : [];
  if (type === "true") return true;
  if (type in MINIMAL) return mode === "full" ? ctr.next(type) : MINIMAL[type];
  if (type === "!X") return objectJson(funcByName.get(GENERIC_QUERY), "minimal");
  if (isBareObjectType(type)) {
    const d = ctorByName.get(type.replace(/^%/, ""));
    if (!d) throw new Error(`no bare constructor ${type}`);
    return objectJson(d, "minimal");
  }
  const d = choice.get(type);
  if (!d) throw new Error(`no constructor for type ${type}`);
  return objectJson(d, "minimal"); // nested objects are always minimal
}

function objectJson(def, mode) {
  const ctr = new Counters();
  const out = { _: def.name };
  for (const p of def.params) {
    if (p.type === "#") continue;
    if (p.flag) {
      if (p.type === "true") out[p.name] = mode === "full";
      else if (mode === "full") out[p.name] = valueJson(p.type, mode, ctr);
      // minimal: absent, omitted
    } else {
      out[p.name] = valueJson(p.type, mode, ctr);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// 4. TL-JSON -> gramjs objects.
// ---------------------------------------------------------------------------
function hexToSignedBig(hex) {
  const b = Buffer.from(hex, "hex");
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  if (b[b.length - 1] & 0x80) v -= 1n << BigInt(8 * b.length);
  return bigInt(v.toString());
}

function toGramValue(v, type) {
  const elem = vectorElem(type);
  if (elem) return v.map((x) => toGramValue(x, elem));
  switch (type) {
    case "int":
    case "double":
    case "string":
    case "Bool":
    case "true":
      return v;
    case "long":
      return bigInt(v);
    case "int128":
    case "int256":
      return hexToSignedBig(v);
    case "bytes":
      return Buffer.from(v, "base64");
    default:
      return toGram(v);
  }
}

function defOf(json) {
  return ctorByName.get(json._) || funcByName.get(json._);
}

function toGram(json) {
  const def = defOf(json);
  if (!def) throw new Error(`unknown ${json._}`);
  const Cls = gramClass(def.name);
  if (!Cls) throw new Error(`gramjs has no class for ${def.name}`);
  const args = {};
  for (const p of def.params) {
    if (p.type === "#") continue;
    const key = gh.variableSnakeToCamelCase(p.name);
    const v = json[p.name];
    args[key] = v === undefined ? undefined : toGramValue(v, p.type === "!X" ? "X" : p.type);
  }
  const obj = new Cls(args);
  // gramjs fills a falsy random_id with random data in its constructor;
  // assign every argument again so the output is deterministic.
  Object.assign(obj, args);
  return obj;
}

// ---------------------------------------------------------------------------
// 5. Checks against gramjs's own parse, and a decode round trip in gramjs.
// ---------------------------------------------------------------------------
function checkArgs(def) {
  const dot = def.name.indexOf(".");
  const camel =
    dot === -1
      ? gh.snakeToCamelCase(def.name)
      : `${def.name.slice(0, dot)}.${gh.snakeToCamelCase(def.name.slice(dot + 1))}`;
  const g = gramDefs.get(`${def.kind === "function" ? "f" : "c"}:${camel}`);
  if (!g) throw new Error(`gramjs did not parse ${def.name}`);
  if (g.constructorId !== parseInt(def.id, 16)) throw new Error(`id mismatch ${def.name}`);
  const ours = def.params.map((p) => gh.variableSnakeToCamelCase(p.name));
  const theirs = Object.keys(g.argsConfig);
  if (ours.join(",") !== theirs.join(",")) {
    throw new Error(`arg mismatch ${def.name}: ${ours} vs ${theirs}`);
  }
}

const { BinaryReader } = gramRequire("./extensions/BinaryReader.js");
let roundTripFailures = [];
function roundTrip(name, bytes) {
  try {
    const back = new BinaryReader(bytes).tgReadObject();
    // As in toGram(): undo gramjs's random fill of a zero random_id.
    Object.assign(back, back.originalArgs);
    const again = back.getBytes();
    if (!again.equals(bytes)) roundTripFailures.push(`${name}: re-encoded bytes differ`);
  } catch (e) {
    roundTripFailures.push(`${name}: ${e.message}`);
  }
}

function vectorLine(def, variant, json) {
  const bytes = toGram(json).getBytes();
  if (bytes.readUInt32LE(0) !== parseInt(def.id, 16)) {
    throw new Error(`${def.name}: bytes do not start with its constructor id`);
  }
  roundTrip(`${def.name}/${variant}`, bytes);
  return JSON.stringify({ name: def.name, kind: def.kind, variant, json, hex: bytes.toString("hex") });
}

// ---------------------------------------------------------------------------
// 6. Output.
// ---------------------------------------------------------------------------
const lines = [];
for (const def of defs) {
  checkArgs(def);
  for (const variant of ["minimal", "full"]) {
    lines.push(vectorLine(def, variant, objectJson(def, variant)));
  }
}
fs.writeFileSync(path.join(here, "api.jsonl"), lines.join("\n") + "\n");

const seed = [
  vectorLine(funcByName.get("auth.sendCode"), "seed", {
    _: "auth.sendCode",
    phone_number: "+15550100",
    api_id: 372518,
    api_hash: "0123456789abcdef0123456789abcdef",
    settings: objectJson(ctorByName.get("codeSettings"), "minimal"),
  }),
  vectorLine(ctorByName.get("auth.sentCode"), "seed", {
    _: "auth.sentCode",
    type: { _: "auth.sentCodeTypeSms", length: 5 },
    phone_code_hash: "2dc02d2cda9e615c84",
    timeout: 120,
  }),
];
fs.writeFileSync(path.join(here, "seed.json"), seed.join("\n") + "\n");

const maxHeight = Math.max(...[...height.values()]);
console.error(
  `gramjs ${gramVersion}; ${defs.length} definitions ` +
    `(${ctorByName.size} constructors, ${funcByName.size} functions); ` +
    `${lines.length} vectors in api.jsonl, ${seed.length} in seed.json; ` +
    `nested-object height <= ${maxHeight}`,
);
if (roundTripFailures.length) {
  console.error(`gramjs decode/re-encode round trip failed for ${roundTripFailures.length} vectors:`);
  for (const f of roundTripFailures.slice(0, 50)) console.error("  " + f);
}
