//! Constructor ids: the CRC32 of a definition's normalised text.
//!
//! The rule (see `TL-NOTES.md`): `name param:type ... = Result`, without the
//! `#id`, generic parameters written `X:Type`, type applications written with
//! spaces (`Vector long`), a field of type `bytes` written `string`,
//! `flags.N?true` parameters left out, single spaces between tokens and no
//! trailing `;`.
//!
//! Only a field's own type `bytes` becomes `string`: inside a type argument it
//! stays, as the real ids show (`secureValueErrorFiles#666220e9` has
//! `file_hash:Vector<bytes>`, normalised `file_hash:Vector bytes`).

use crate::model::{Definition, Type};
use std::fmt::Write;

/// The id of a definition computed from its normalised text.
pub fn compute_id(definition: &Definition) -> u32 {
    crc32fast::hash(normalised_text(definition).as_bytes())
}

/// The text whose CRC32 is the definition's id:
/// `auth.sendCode phone_number:string api_id:int api_hash:string settings:CodeSettings = auth.SentCode`.
pub fn normalised_text(definition: &Definition) -> String {
    let mut text = definition.full_name();
    for generic in &definition.generics {
        let _ = write!(text, " {}:", generic.name);
        write_type(&mut text, &generic.kind);
    }
    if let Some(body) = &definition.builtin {
        text.push(' ');
        text.push_str(body);
    }
    for param in definition.params.iter().filter(|p| !p.is_flag_bit()) {
        let _ = write!(text, " {}:", param.name);
        if let Some(flag) = &param.flag {
            let _ = write!(text, "{}.{}?", flag.field, flag.bit);
        }
        if param.ty.namespace.is_empty() && param.ty.name == "bytes" && param.ty.args.is_empty() {
            text.push_str("string");
        } else {
            write_type(&mut text, &param.ty);
        }
    }
    text.push_str(" = ");
    write_type(&mut text, &definition.result);
    text
}

fn write_type(out: &mut String, ty: &Type) {
    if ty.generic_ref {
        out.push('!');
    }
    if ty.is_percent_bare() {
        out.push('%');
    }
    out.push_str(&ty.full_name());
    for arg in &ty.args {
        out.push(' ');
        write_type(out, arg);
    }
}
