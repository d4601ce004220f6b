//! Random but valid bytes for any definition of a schema, written by walking
//! the parsed schema: a generator that knows nothing of the generated code or
//! of the dynamic codec, shared by the property tests of both and by those of
//! the real schemas (TON's and TDLib's spellings of the primitives, their
//! `Object` and `Function`, and `#` fields that are data).

use std::collections::HashMap;
use tl_parser::{Category, Definition, Schema, Type};

/// A small deterministic generator (xorshift), seeded by proptest.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Writes random but valid bytes for any definition of the schema.
pub struct Writer<'a> {
    schema: &'a Schema,
    by_type: HashMap<String, Vec<&'a Definition>>,
    by_name: HashMap<String, &'a Definition>,
    plain_functions: Vec<&'a Definition>,
    /// Every constructor, where the schema declares `Object` (TON's do:
    /// `object ? = Object;`) as any of them; empty where it does not.
    constructors: Vec<&'a Definition>,
    /// Whether a `#` that gates nothing is a number and a mask's other bits
    /// are kept, as in TON's schemas.
    nat_data: bool,
    pub rng: Rng,
}

const DEEPEST: usize = 4;

impl<'a> Writer<'a> {
    pub fn new(schema: &'a Schema, seed: u64) -> Writer<'a> {
        let mut by_type: HashMap<String, Vec<&Definition>> = HashMap::new();
        let mut by_name = HashMap::new();
        let mut constructors = Vec::new();
        for d in schema.constructors().filter(|d| !is_primitive(&d.result)) {
            by_type.entry(d.result.full_name()).or_default().push(d);
            by_name.insert(d.full_name(), d);
            constructors.push(d);
        }
        let plain_functions = schema
            .functions()
            .filter(|f| f.generics.is_empty())
            .collect();
        let declares_object = schema
            .definitions
            .iter()
            .any(|d| d.is_builtin() && d.result.name == "Object");
        if !declares_object {
            constructors.clear();
        }
        Writer {
            schema,
            by_type,
            by_name,
            plain_functions,
            constructors,
            nat_data: schema.nat_fields_are_data(),
            rng: Rng(seed | 1),
        }
    }

    /// Whether the definition is one the bindings decode as an object of its
    /// own: not a spelling of a primitive (`int32 = Int32;`, TON's `bytes
    /// data:string = Bytes;`).
    pub fn is_object(d: &Definition) -> bool {
        !d.is_builtin()
            && (d.category == Category::Function
                || !is_primitive(&d.result)
                || d.result.name == "Bool")
    }

    /// Writes random bytes of every object of the schema ([`Writer::is_object`]),
    /// boxed, and hands each to `check` with its definition and a random
    /// length shorter than the bytes, at which to cut them; says how many
    /// objects there were, or the first error `check` returned.
    pub fn each_object<E>(
        &mut self,
        mut check: impl FnMut(&'a Definition, &[u8], usize) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut count = 0;
        for d in self
            .schema
            .definitions
            .iter()
            .filter(|d| Self::is_object(d))
        {
            let mut bytes = Vec::new();
            self.definition(d, true, 0, &mut bytes);
            let cut = self.rng.below(bytes.len());
            check(d, &bytes, cut)?;
            count += 1;
        }
        Ok(count)
    }

    pub fn definition(&mut self, d: &Definition, boxed: bool, depth: usize, out: &mut Vec<u8>) {
        if boxed {
            out.extend(d.id.to_le_bytes());
        }
        // Which bits are set, decided up front: fields on one bit agree.
        let mut set_bits: HashMap<(String, u32), bool> = HashMap::new();
        for p in &d.params {
            if let Some(flag) = &p.flag {
                let shallow = depth < DEEPEST;
                let chance = if shallow { 60 } else { 0 };
                let on = self.rng.chance(chance) || (p.ty.is_true() && self.rng.chance(50));
                set_bits
                    .entry((flag.field.to_string(), flag.bit))
                    .or_insert(on);
            }
        }
        for p in &d.params {
            if p.is_mask() {
                let mask: u32 = set_bits
                    .iter()
                    .filter(|((field, _), on)| *field == p.name && **on)
                    .map(|((_, bit), _)| 1 << bit)
                    .sum();
                // Where `#` fields are data, a `#` that gates nothing is
                // any number, and a mask has bits of its own besides.
                let own = if self.nat_data {
                    (self.rng.next() as u32) & !d.gated_bits(&p.name)
                } else {
                    0
                };
                out.extend((mask | own).to_le_bytes());
            } else if let Some(flag) = &p.flag {
                if set_bits[&(flag.field.to_string(), flag.bit)] && !p.ty.is_true() {
                    self.value(&p.ty, depth, out);
                }
            } else {
                self.value(&p.ty, depth, out);
            }
        }
    }

    fn value(&mut self, ty: &Type, depth: usize, out: &mut Vec<u8>) {
        if ty.generic_ref {
            let f = self.plain_functions[self.rng.below(self.plain_functions.len())];
            return self.definition(f, true, depth + 1, out);
        }
        match ty.full_name().as_str() {
            "int" | "#" | "int32" | "Int32" => out.extend(self.rng.bytes(4)),
            "long" | "int53" | "Int53" | "int64" | "Int64" => out.extend(self.rng.bytes(8)),
            "double" => {
                // Any double, but NaN only as the canonical one: TL-JSON
                // writes every NaN as "NaN", so a payload cannot survive it.
                let value = f64::from_bits(self.rng.next());
                let value = if value.is_nan() { f64::NAN } else { value };
                out.extend(value.to_le_bytes());
            }
            "int128" => out.extend(self.rng.bytes(16)),
            "int256" => out.extend(self.rng.bytes(32)),
            "Bool" => out.extend(
                if self.rng.chance(50) {
                    0x997275b5u32
                } else {
                    0xbc799737
                }
                .to_le_bytes(),
            ),
            "string" | "secureString" | "SecureString" => {
                let text: String = (0..self.length())
                    .map(|_| ['a', 'é', '✓', '👍', '\0', ' '][self.rng.below(6)])
                    .collect();
                write_bytes(text.as_bytes(), out);
            }
            "bytes" | "Bytes" | "secureBytes" | "SecureBytes" => {
                let len = self.length();
                let data = self.rng.bytes(len);
                write_bytes(&data, out);
            }
            "Vector" | "vector" => {
                if ty.name == "Vector" {
                    out.extend(0x1cb5c415u32.to_le_bytes());
                }
                let count = if depth < DEEPEST {
                    self.rng.below(3)
                } else {
                    0
                };
                out.extend((count as u32).to_le_bytes());
                for _ in 0..count {
                    self.value(&ty.args[0], depth + 1, out);
                }
            }
            // Declared by TON's schemas as `object ? = Object;` and `function ?
            // = Function;`: any object or call of the schema, boxed.
            "Object" | "object" if !self.constructors.is_empty() => {
                let d = if depth < DEEPEST {
                    self.constructors[self.rng.below(self.constructors.len())]
                } else {
                    *self
                        .constructors
                        .iter()
                        .min_by_key(|d| d.params.len())
                        .unwrap()
                };
                self.definition(d, true, depth + 1, out);
            }
            // Undeclared, as in Telegram's schemas and the key-value
            // fixture: the bindings keep the rest of the input as raw
            // bytes. Any boxed value will do; a `Bool` is the shortest.
            "Object" => out.extend(0x997275b5u32.to_le_bytes()),
            "Function" | "function" => {
                let f = self.plain_functions[self.rng.below(self.plain_functions.len())];
                self.definition(f, true, depth + 1, out);
            }
            name => {
                if ty.is_percent_bare() {
                    let d = self.by_type[name][0];
                    self.definition(d, false, depth + 1, out);
                } else if ty.bare {
                    let d = self.by_name[name];
                    self.definition(d, false, depth + 1, out);
                } else {
                    let choices = &self.by_type[name];
                    let d = if depth < DEEPEST {
                        choices[self.rng.below(choices.len())]
                    } else {
                        // Bottom out: the constructor with the fewest
                        // fields of the schema's boxed types (which could
                        // recurse, as `tree.branch left:Tree right:Tree`),
                        // then the fewest fields.
                        *choices
                            .iter()
                            .min_by_key(|d| {
                                let nested = d
                                    .params
                                    .iter()
                                    .filter(|p| self.by_type.contains_key(&p.ty.full_name()))
                                    .count();
                                (nested, d.params.len())
                            })
                            .unwrap()
                    };
                    self.definition(d, true, depth + 1, out);
                }
            }
        }
    }

    /// Mostly short, sometimes long enough for the 4-byte length form.
    fn length(&mut self) -> usize {
        if self.rng.chance(10) {
            254 + self.rng.below(300)
        } else {
            self.rng.below(12)
        }
    }
}

/// Whether a type is one of the primitives, in any schema's spelling.
fn is_primitive(ty: &Type) -> bool {
    ty.namespace.is_empty()
        && matches!(
            ty.name.as_str(),
            "Bool"
                | "Int"
                | "Int32"
                | "Int53"
                | "Int64"
                | "Long"
                | "Double"
                | "String"
                | "Bytes"
                | "SecureString"
                | "SecureBytes"
                | "Int128"
                | "Int256"
                | "Vector"
        )
}

fn write_bytes(data: &[u8], out: &mut Vec<u8>) {
    let header = if data.len() <= 253 {
        out.push(data.len() as u8);
        1
    } else {
        out.push(0xfe);
        out.extend(&(data.len() as u32).to_le_bytes()[..3]);
        4
    };
    out.extend(data);
    out.extend(std::iter::repeat_n(0, (4 - (header + data.len()) % 4) % 4));
}
