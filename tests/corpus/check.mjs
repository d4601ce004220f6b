// Sanity checks for api.jsonl / seed.json, independent of gramjs:
// re-encodes every vector's "json" from ../../tl-types/schema/api.tl following the
// MTProto TL serialisation rules and compares with gramjs's "hex".
// Usage: node check.mjs
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaText = fs.readFileSync(path.resolve(here, "../../tl-types/schema/api.tl"), "utf8");

// --- schema -----------------------------------------------------------------
const defs = [];
let section = "types";
for (let line of schemaText.split("\n")) {
  const c = line.indexOf("//");
  if (c !== -1) line = line.slice(0, c);
  line = line.trim();
  if (!line) continue;
  const sec = line.match(/^---(\w+)---$/);
  if (sec) { section = sec[1]; continue; }
  const m = line.match(/^([\w.]+)#([0-9a-f]+)\s*(.*?)\s*=\s*([^;]+);$/);
  if (!m) throw new Error(`cannot parse: ${line}`);
  const params = [];
  for (const tok of m[3].split(/\s+/).filter(Boolean)) {
    if (tok.startsWith("{") || tok === "#" || tok === "[" || tok === "]" || tok === "t") continue;
    const [, name, t] = tok.match(/^(\w+):(.+)$/);
    const cm = t.match(/^(\w+)\.(\d+)\?(.+)$/);
    params.push(cm ? { name, type: cm[3], flag: cm[1], bit: +cm[2] } : { name, type: t });
  }
  defs.push({ name: m[1], id: parseInt(m[2], 16), params, result: m[4].trim(), fn: section === "functions" });
}
const byName = new Map(defs.map((d) => [d.name, d]));

// --- independent encoder ----------------------------------------------------
const u32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); return b; };
function tlBytes(data) {
  const out = [];
  if (data.length <= 253) out.push(Buffer.from([data.length]));
  else out.push(Buffer.from([254, data.length & 255, (data.length >> 8) & 255, (data.length >> 16) & 255]));
  out.push(data);
  const len = out.reduce((a, b) => a + b.length, 0);
  out.push(Buffer.alloc((4 - (len % 4)) % 4));
  return Buffer.concat(out);
}
const problems = [];
function encodeValue(v, type, where) {
  const vm = type.match(/^([Vv])ector<(.+)>$/);
  if (vm) {
    if (!Array.isArray(v)) throw new Error(`${where}: expected array`);
    const parts = vm[1] === "V" ? [u32(0x1cb5c415)] : [];
    parts.push(u32(v.length), ...v.map((x, i) => encodeValue(x, vm[2], `${where}[${i}]`)));
    return Buffer.concat(parts);
  }
  switch (type) {
    case "int": {
      if (!Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) throw new Error(`${where}: bad int`);
      const b = Buffer.alloc(4); b.writeInt32LE(v); return b;
    }
    case "long": {
      if (typeof v !== "string" || !/^-?\d+$/.test(v)) throw new Error(`${where}: long must be a decimal string`);
      const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt(v)); return b;
    }
    case "double": { const b = Buffer.alloc(8); b.writeDoubleLE(v); return b; }
    case "int128": case "int256": {
      const n = type === "int128" ? 32 : 64;
      if (typeof v !== "string" || !new RegExp(`^[0-9a-f]{${n}}$`).test(v)) throw new Error(`${where}: bad ${type}`);
      return Buffer.from(v, "hex");
    }
    case "string":
      if (typeof v !== "string") throw new Error(`${where}: expected string`);
      return tlBytes(Buffer.from(v, "utf8"));
    case "bytes": {
      const b = Buffer.from(v, "base64");
      if (b.toString("base64") !== v) throw new Error(`${where}: not canonical base64`);
      return tlBytes(b);
    }
    case "Bool":
      if (typeof v !== "boolean") throw new Error(`${where}: expected boolean`);
      return u32(v ? 0x997275b5 : 0xbc799737);
    case "true":
      if (v !== true) throw new Error(`${where}: bare true must be true`);
      return Buffer.alloc(0);
  }
  if (type === "!X") {
    const d = byName.get(v && v._);
    if (!d || !d.fn) throw new Error(`${where}: !X must be a function`);
    return encodeObject(v, where, true);
  }
  const d = byName.get(v && v._);
  const bare = /^[a-z%]/.test(type.split(".").pop());
  const expectedType = bare ? byName.get(type.replace("%", ""))?.result : type;
  if (!d || d.fn || d.result !== expectedType) throw new Error(`${where}: ${v && v._} is not a ${type}`);
  return encodeObject(v, where, !bare);
}
function encodeObject(json, where, boxed) {
  const d = byName.get(json._);
  const known = new Set(["_", ...d.params.filter((p) => p.type !== "#").map((p) => p.name)]);
  for (const k of Object.keys(json)) if (!known.has(k)) throw new Error(`${where}: unexpected key ${k}`);
  const parts = boxed ? [u32(d.id)] : [];
  for (const p of d.params) {
    if (p.type === "#") {
      let flags = 0;
      const bits = new Map();
      for (const q of d.params.filter((q) => q.flag === p.name)) {
        const on = q.type === "true" ? json[q.name] === true : json[q.name] != null;
        if (q.type === "true" && typeof json[q.name] !== "boolean") throw new Error(`${where}.${q.name}: flag true must be written as a boolean`);
        if (on) flags |= 1 << q.bit;
        if (!bits.has(q.bit)) bits.set(q.bit, []);
        bits.get(q.bit).push(on);
      }
      for (const [bit, ons] of bits) {
        if (ons.length > 1 && !ons.every((o) => o === ons[0])) problems.push(`${where}: fields sharing ${p.name}.${bit} disagree`);
      }
      parts.push(u32(flags));
      continue;
    }
    const v = json[p.name];
    if (p.flag) {
      if (p.type === "true" || v == null) continue;
    } else if (v === undefined) throw new Error(`${where}.${p.name}: missing`);
    parts.push(encodeValue(v, p.type, `${where}.${p.name}`));
  }
  return Buffer.concat(parts);
}

// --- checks -----------------------------------------------------------------
function readLines(file) {
  return fs.readFileSync(path.join(here, file), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
}
const api = readLines("api.jsonl");
const seed = readLines("seed.json");
let idOk = 0, encOk = 0;
const mismatches = [];
for (const v of [...api, ...seed]) {
  const d = byName.get(v.name);
  const bytes = Buffer.from(v.hex, "hex");
  if (d && bytes.readUInt32LE(0) === d.id && v.json._ === v.name && (d.fn ? "function" : "constructor") === v.kind) idOk++;
  else mismatches.push(`${v.name}/${v.variant}: constructor id / kind`);
  try {
    const mine = encodeObject(v.json, v.name, true);
    if (mine.equals(bytes)) encOk++;
    else mismatches.push(`${v.name}/${v.variant}: independent encoding differs`);
  } catch (e) {
    mismatches.push(`${v.name}/${v.variant}: ${e.message}`);
  }
}
const names = new Set(api.map((v) => v.name));
const variants = new Map();
for (const v of api) variants.set(v.name, (variants.get(v.name) || new Set()).add(v.variant));
const missing = defs.filter((d) => !names.has(d.name)).map((d) => d.name);
const incomplete = [...variants].filter(([, s]) => !(s.has("minimal") && s.has("full"))).map(([n]) => n);

// every definition with a string field (also Vector<string>, conditional or
// not) has a 300+ byte string in its full variant, serialised with 0xfe.
const hasString = (d) => d.params.some((p) => p.type === "string" || p.type === "Vector<string>");
let longOk = 0, longNeed = 0;
const longMissing = [];
const deepStrings = (j, out = []) => {
  if (typeof j === "string") out.push(j);
  else if (j && typeof j === "object") for (const x of Object.values(j)) deepStrings(x, out);
  return out;
};
for (const v of api.filter((v) => v.variant === "full")) {
  const d = byName.get(v.name);
  if (!hasString(d)) continue;
  longNeed++;
  // (a long base64 `bytes` value is a long JSON string too: try each one)
  const found = deepStrings(v.json).filter((s) => Buffer.byteLength(s) >= 300).some((s) => {
    const b = Buffer.from(s, "utf8");
    const needle = Buffer.concat([Buffer.from([0xfe, b.length & 255, (b.length >> 8) & 255, b.length >> 16]), b]);
    return v.hex.includes(needle.toString("hex"));
  });
  if (found) longOk++;
  else longMissing.push(v.name);
}
const size = fs.statSync(path.join(here, "api.jsonl")).size;

console.log(`api.jsonl: ${api.length} lines, ${(size / 1e6).toFixed(2)} MB`);
console.log(`definitions in api.tl: ${defs.length} (${defs.filter((d) => !d.fn).length} constructors incl. vector, ${defs.filter((d) => d.fn).length} functions)`);
console.log(`distinct names covered: ${names.size}; not covered: ${missing.join(", ") || "none"}; without both variants: ${incomplete.length}`);
console.log(`constructor id + kind ok: ${idOk}/${api.length + seed.length}`);
console.log(`independent re-encoding equals gramjs bytes: ${encOk}/${api.length + seed.length}`);
console.log(`full variants with a string field carrying a 300+ byte string in 0xfe form: ${longOk}/${longNeed}${longMissing.length ? " missing: " + longMissing.slice(0, 10).join(", ") : ""}`);
console.log(`shared-flag inconsistencies: ${problems.length}`);
for (const m of [...mismatches, ...problems].slice(0, 30)) console.log("  " + m);
const failed = mismatches.length + problems.length + longMissing.length + incomplete.length + (missing.filter((n) => n !== "vector").length);
console.log(`${failed === 0 ? 1 : 0} passed, ${failed === 0 ? 0 : 1} failed`);
process.exit(failed === 0 ? 0 : 1);
