//! Random but valid bytes for any definition of a schema, written by walking
//! the parsed schema: a generator that knows nothing of the generated code or
//! of the dynamic codec, shared by the property tests of both.

use std::collections::HashMap;
use tl_parser::{Definition, Schema, Type};

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
    by_type: HashMap<String, Vec<&'a Definition>>,
    by_name: HashMap<String, &'a Definition>,
    plain_functions: Vec<&'a Definition>,
    pub rng: Rng,
}

const DEEPEST: usize = 4;

impl<'a> Writer<'a> {
    pub fn new(schema: &'a Schema, seed: u64) -> Writer<'a> {
        let mut by_type: HashMap<String, Vec<&Definition>> = HashMap::new();
        let mut by_name = HashMap::new();
        for d in schema.constructors() {
            by_type.entry(d.result.full_name()).or_default().push(d);
            by_name.insert(d.full_name(), d);
        }
        let plain_functions = schema
            .functions()
            .filter(|f| f.generics.is_empty())
            .collect();
        Writer {
            by_type,
            by_name,
            plain_functions,
            rng: Rng(seed | 1),
        }
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
                out.extend(mask.to_le_bytes());
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
            "int" | "#" => out.extend(self.rng.bytes(4)),
            "long" => out.extend(self.rng.bytes(8)),
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
            "string" => {
                let text: String = (0..self.length())
                    .map(|_| ['a', 'é', '✓', '👍', '\0', ' '][self.rng.below(6)])
                    .collect();
                write_bytes(text.as_bytes(), out);
            }
            "bytes" => {
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
            name => {
                if ty.bare {
                    let d = self.by_name[name];
                    self.definition(d, false, depth + 1, out);
                } else {
                    let choices = &self.by_type[name];
                    let d = if depth < DEEPEST {
                        choices[self.rng.below(choices.len())]
                    } else {
                        // Bottom out: the constructor with the fewest fields.
                        *choices.iter().min_by_key(|d| d.params.len()).unwrap()
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
