//! Constructor ids: the CRC32 of a definition's normalised text, by one of
//! the two rules real schemas use ([`IdRule`]).
//!
//! Both rules write `name param:type ... = Result` without the `#id`, generic
//! parameters as `X:Type`, type applications with spaces (`Vector long`, and
//! TON's `(vector int)` as `vector int`), single spaces between tokens and no
//! trailing `;`. They differ in three places:
//!
//! | | [`IdRule::Telegram`] | [`IdRule::TlCompiler`] |
//! | --- | --- | --- |
//! | a field whose own type is `bytes` | written `string` | `bytes` |
//! | `flags.N?true` parameters | left out | kept |
//! | a `!X` field | `!X` | `X` |
//!
//! Only a field's own type `bytes` becomes `string` under Telegram's rule:
//! inside a type argument it stays, as the real ids show
//! (`secureValueErrorFiles#666220e9` has `file_hash:Vector<bytes>`,
//! normalised `file_hash:Vector bytes`).

use crate::model::{Definition, Schema, Type};
use serde::{Deserialize, Serialize};
use std::fmt::Write;

/// How a schema's ids are computed where it does not write them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum IdRule {
    /// Telegram's: a field of type `bytes` is hashed as `string` and
    /// `flags.N?true` parameters are left out. Every explicit id of
    /// Telegram's API and MTProto schemas follows it.
    #[default]
    Telegram,
    /// The reference TL compiler's (tdlib's `td/generate/tl-parser`, which
    /// TDLib and TON build their schemas with): the combinator as that
    /// compiler prints it, `bytes` and `?true` parameters included.
    TlCompiler,
}

impl IdRule {
    /// The rule a schema implies: Telegram's where at least half of its
    /// definitions write their ids (Telegram's files write all of them), the
    /// TL compiler's where most are computed (TON's and TDLib's write almost
    /// none).
    pub fn detect(schema: &Schema) -> IdRule {
        let (written, total) = schema.definitions.iter().filter(|d| !d.is_builtin()).fold(
            (0usize, 0usize),
            |(written, total), d| {
                let explicit = d.id_origin == crate::model::IdOrigin::Explicit;
                (written + usize::from(explicit), total + 1)
            },
        );
        if total > 0 && written * 2 >= total {
            IdRule::Telegram
        } else {
            IdRule::TlCompiler
        }
    }

    /// The rule's name as the command-line tool and serde write it:
    /// `telegram`, `tl-compiler`.
    pub fn name(self) -> &'static str {
        match self {
            IdRule::Telegram => "telegram",
            IdRule::TlCompiler => "tl-compiler",
        }
    }

    /// The rule in words, for messages: `Telegram's rule`, `the TL compiler's rule`.
    pub fn in_words(self) -> &'static str {
        match self {
            IdRule::Telegram => "Telegram's rule",
            IdRule::TlCompiler => "the TL compiler's rule",
        }
    }
}

impl std::str::FromStr for IdRule {
    type Err = String;

    fn from_str(text: &str) -> Result<IdRule, String> {
        match text {
            "telegram" => Ok(IdRule::Telegram),
            "tl-compiler" => Ok(IdRule::TlCompiler),
            other => Err(format!(
                "unknown id rule `{other}`: expected `telegram` or `tl-compiler`"
            )),
        }
    }
}

/// The id of a definition computed from its normalised text under `rule`.
pub fn compute_id(definition: &Definition, rule: IdRule) -> u32 {
    crc32fast::hash(normalised_text(definition, rule).as_bytes())
}

/// The text whose CRC32 is the definition's id under `rule`:
/// `auth.sendCode phone_number:string api_id:int api_hash:string settings:CodeSettings = auth.SentCode`.
pub fn normalised_text(definition: &Definition, rule: IdRule) -> String {
    let mut text = definition.full_name();
    for generic in &definition.generics {
        let _ = write!(text, " {}:", generic.name);
        write_id_type(&mut text, &generic.kind, rule);
    }
    if let Some(body) = &definition.builtin {
        text.push(' ');
        text.push_str(body);
    }
    let telegram = rule == IdRule::Telegram;
    for param in definition
        .params
        .iter()
        .filter(|p| !(telegram && p.is_flag_bit()))
    {
        let _ = write!(text, " {}:", param.name);
        if let Some(flag) = &param.flag {
            let _ = write!(text, "{}.{}?", flag.field, flag.bit);
        }
        let ty = &param.ty;
        if telegram && ty.namespace.is_empty() && ty.name == "bytes" && ty.args.is_empty() {
            text.push_str("string");
        } else {
            write_id_type(&mut text, ty, rule);
        }
    }
    text.push_str(" = ");
    write_id_type(&mut text, &definition.result, rule);
    text
}

/// A type as the id text writes it: arguments after spaces, `%` kept, and
/// `!` under Telegram's rule only.
fn write_id_type(out: &mut String, ty: &Type, rule: IdRule) {
    if ty.generic_ref && rule == IdRule::Telegram {
        out.push('!');
    }
    if ty.is_percent_bare() {
        out.push('%');
    }
    out.push_str(&ty.full_name());
    for arg in &ty.args {
        out.push(' ');
        write_id_type(out, arg, rule);
    }
}
