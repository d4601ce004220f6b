//! The wire rules: for each kind of change, whether an old peer reads a new
//! peer's bytes and the reverse. A field's rule looks at its bytes alone; a
//! changed constructor id is a change of its own ([`id_changed`]).
//!
//! Decoders drop mask bits they do not know (Telegram's clients do, and so
//! does `tl-types`: `docs/LIMITS.md`), so a bit that carries no bytes is
//! harmless to a peer that does not know it.

use super::{Readable, Wire};
use tl_parser::{Parameter, Primitive, Type};

/// Swaps the directions: a removal is an addition seen from the other side.
fn mirrored(wire: Wire) -> Wire {
    Wire {
        old_reads_new: wire.new_reads_old,
        new_reads_old: wire.old_reads_new,
    }
}

/// A new constructor or function: an old peer cannot read one that is sent
/// (an unknown id), and reads everything else; a new peer reads all old bytes.
pub(super) fn definition_added() -> Wire {
    Wire {
        old_reads_new: Readable::WhileAbsent,
        new_reads_old: Readable::Always,
    }
}

/// A constructor or function removed: the mirror of [`definition_added`].
pub(super) fn definition_removed() -> Wire {
    mirrored(definition_added())
}

/// A new id: neither side knows the other's; nothing of it is readable.
pub(super) fn id_changed() -> Wire {
    Wire::BROKEN
}

/// Another result type: a constructor now arrives where the other side
/// expects another type, an answer is of another type. Judged broken both
/// ways, as nothing says the two types share constructors.
pub(super) fn result_changed() -> Wire {
    Wire::BROKEN
}

/// Other type parameters: the layout of the generic fields changes.
pub(super) fn generics_changed() -> Wire {
    Wire::BROKEN
}

/// A field added:
/// - always present (a value or a `#` mask): every later field shifts,
///   broken both ways;
/// - `flags.N?true`: no bytes, only a bit an old peer drops: compatible;
/// - `flags.N?T`: an old peer reads new bytes while the bit is clear (the
///   field absent); a new peer reads old bytes, where the bit is always clear.
pub(super) fn field_added(param: &Parameter) -> Wire {
    match &param.flag {
        None => Wire::BROKEN,
        Some(_) if param.ty.is_true() => Wire::COMPATIBLE,
        Some(_) => Wire {
            old_reads_new: Readable::WhileAbsent,
            new_reads_old: Readable::Always,
        },
    }
}

/// A field removed: the mirror of [`field_added`].
pub(super) fn field_removed(param: &Parameter) -> Wire {
    mirrored(field_added(param))
}

/// Names are not on the wire: a renamed field or mask changes no byte.
pub(super) fn renamed() -> Wire {
    Wire::COMPATIBLE
}

/// A field's type changed: compatible where both types are written alike
/// (`int` and `int32`, `string` and `bytes`, the same type spelled with
/// another alias); otherwise broken, or for a field conditional on both
/// sides, readable while it is absent.
pub(super) fn type_changed(old: &Parameter, new: &Parameter) -> Wire {
    if same_bytes(&old.ty, &new.ty) {
        Wire::COMPATIBLE
    } else if old.flag.is_some() && new.flag.is_some() {
        Wire {
            old_reads_new: Readable::WhileAbsent,
            new_reads_old: Readable::WhileAbsent,
        }
    } else {
        Wire::BROKEN
    }
}

/// A field that was always there became `flags.N?T`: an old peer reads new
/// bytes only when the value is there (its bit set); a new peer reads old
/// bytes never, since the old mask does not have the bit set while the value
/// is written.
pub(super) fn became_conditional() -> Wire {
    Wire {
        old_reads_new: Readable::WhilePresent,
        new_reads_old: Readable::Never,
    }
}

/// A conditional field became always present: the mirror of [`became_conditional`].
pub(super) fn became_required() -> Wire {
    mirrored(became_conditional())
}

/// A conditional field on another bit or mask: each side looks for it on its
/// own bit, so bytes are readable only while it is absent.
pub(super) fn flag_moved() -> Wire {
    Wire {
        old_reads_new: Readable::WhileAbsent,
        new_reads_old: Readable::WhileAbsent,
    }
}

/// Fields in another order: broken both ways.
pub(super) fn reordered() -> Wire {
    Wire::BROKEN
}

/// Whether two types are written with the same bytes: the same primitive
/// (in any schema's spelling; `string` and `bytes` alike), or the same type
/// with arguments that are.
pub(super) fn same_bytes(a: &Type, b: &Type) -> bool {
    let primitive = |t: &Type| {
        t.primitive().map(|p| match p {
            Primitive::Bytes => Primitive::String,
            other => other,
        })
    };
    match (primitive(a), primitive(b)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => {
            a.full_name() == b.full_name()
                && a.bare == b.bare
                && a.args.len() == b.args.len()
                && a.args.iter().zip(&b.args).all(|(x, y)| same_bytes(x, y))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(text: &str) -> Parameter {
        let schema = tl_parser::parse(&format!("c#1 flags:# {text} = C;")).unwrap();
        schema.definitions[0].params[1].clone()
    }

    #[test]
    fn an_added_field_breaks_by_how_it_is_held() {
        assert_eq!(field_added(&param("a:int")), Wire::BROKEN);
        assert_eq!(field_added(&param("a:flags.3?true")), Wire::COMPATIBLE);
        let optional = field_added(&param("a:flags.3?string"));
        assert_eq!(optional.old_reads_new, Readable::WhileAbsent);
        assert_eq!(optional.new_reads_old, Readable::Always);
        let removed = field_removed(&param("a:flags.3?string"));
        assert_eq!(removed.old_reads_new, Readable::Always);
        assert_eq!(removed.new_reads_old, Readable::WhileAbsent);
    }

    #[test]
    fn types_written_alike_keep_the_wire() {
        assert_eq!(
            type_changed(&param("a:int"), &param("a:int32")),
            Wire::COMPATIBLE
        );
        assert_eq!(
            type_changed(&param("a:string"), &param("a:bytes")),
            Wire::COMPATIBLE
        );
        assert_eq!(
            type_changed(&param("a:Vector<int>"), &param("a:Vector<long>")),
            Wire::BROKEN
        );
        assert_eq!(
            type_changed(&param("a:int"), &param("a:long")),
            Wire::BROKEN
        );
        let conditional = type_changed(&param("a:flags.1?int"), &param("a:flags.1?long"));
        assert_eq!(conditional.old_reads_new, Readable::WhileAbsent);
        assert_eq!(conditional.new_reads_old, Readable::WhileAbsent);
        // A `Bool` is four bytes, a `true` flag none.
        assert_eq!(
            type_changed(&param("a:Bool"), &param("a:flags.1?true")),
            Wire::BROKEN
        );
    }

    #[test]
    fn conditional_and_required_mirror_each_other() {
        assert_eq!(became_conditional().old_reads_new, Readable::WhilePresent);
        assert_eq!(became_conditional().new_reads_old, Readable::Never);
        assert_eq!(became_required().old_reads_new, Readable::Never);
        assert_eq!(became_required().new_reads_old, Readable::WhilePresent);
    }
}
