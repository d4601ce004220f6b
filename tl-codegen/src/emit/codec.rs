//! The wire codec of constructor and function structs: `write_to`'s body
//! (masks computed from the fields, checks of what cannot be encoded, each
//! field in wire order, the writer's place handed from one to the next) and
//! `decode`'s body (each field read in wire order, optional ones under
//! their bit).

use super::Scope;
use super::ident;
use crate::plan::{Field, Item, Role, RustType};
use proc_macro2::TokenStream;
use quote::quote;

/// Statements writing the fields (and computed masks) at `out`, a
/// `tl::Place` each write takes and gives back, then `out`, the place after
/// them: the body of `write_to`. A value that cannot be encoded records why
/// with `out.fail` and is left out.
///
/// Consecutive fields of a fixed size (numbers, masks, `Bool`) are one run,
/// written with one `put` ([`Run`]); a field alone is written by itself.
///
/// ```ignore
/// let flags: u32 = u32::from(self.logout_tokens.is_some()) << 6
///     | u32::from(self.token_and_app_sandbox.is_some()) << 8;
/// let out = out.put_run((flags, self.api_id));
/// let out = out.write_optional(self.logout_tokens.as_ref());
/// let out = out.write_optional(self.token_and_app_sandbox.as_ref().map(|value| &value.0));
/// let out = out.write_optional(self.token_and_app_sandbox.as_ref().map(|value| &value.1));
/// out
/// ```
///
/// A function writes its constructor id first (`with_id`), as a request is
/// always boxed.
pub fn encoder(item: &Item, with_id: bool) -> TokenStream {
    let tl_name = item.definition.full_name();
    let mut statements = Steps::default();
    if with_id {
        statements.write(quote!(
            <Self as tl::Identifiable>::CONSTRUCTOR_ID.write_to(out)
        ));
    }
    for field in &item.fields {
        if let Some(length) = &field.sized_by {
            let object = ident(&field.ident);
            let length_ident = ident(length);
            let name = length.trim_start_matches("r#");
            statements.statement(quote! {
                if usize::try_from(self.#length_ident).ok() != Some(self.#object.0.len()) {
                    return out.fail(tl::EncodeError::LengthMismatch {
                        definition: #tl_name,
                        field: #name,
                    });
                }
            });
        }
    }
    let mut run = Run::default();
    for field in &item.fields {
        let name = ident(&field.ident);
        // A field written otherwise ends the run; a bit is not written.
        let in_run = match &field.role {
            Role::Mask { .. } | Role::Bit { .. } | Role::ImpliedBit { .. } => true,
            Role::Required => run_size(&field.ty).is_some(),
            Role::Optional { .. } => false,
        };
        if !in_run {
            run.flush(&mut statements);
        }
        match &field.role {
            Role::Mask { bits: gated } => {
                for check in inconsistent_flag_checks(item, &field.ident, &tl_name) {
                    statements.statement(check);
                }
                let bits = mask_value(item, &field.ident);
                let mut bits = if bits.is_empty() {
                    quote!(0)
                } else {
                    quote!(#(#bits)|*)
                };
                if let Some(member) = &field.member {
                    let member = ident(member);
                    let mask = field.param.name.as_str();
                    let gated = hex_u32(*gated);
                    statements.statement(quote! {
                        if self.#member & #gated != 0 {
                            return out.fail(tl::EncodeError::MaskBitsOfFields {
                                definition: #tl_name,
                                mask: #mask,
                                bits: self.#member & #gated,
                            });
                        }
                    });
                    bits = quote!(self.#member | #bits);
                }
                statements.statement(quote!(let #name: u32 = #bits;));
                run.push(quote!(#name), 4, &mut statements);
            }
            Role::Required => match run_size(&field.ty) {
                Some(size) => run.push(quote!(self.#name), size, &mut statements),
                None => {
                    statements.write(write_value(
                        &quote!(self.#name),
                        &quote!(&self.#name),
                        &field.ty,
                    ));
                }
            },
            Role::Optional { .. } => {
                let (holder, place, reference) = match &field.shared {
                    Some(shared) => {
                        let index = proc_macro2::Literal::usize_unsuffixed(shared.index);
                        (
                            ident(&shared.member),
                            quote!(value.#index),
                            quote!(&value.#index),
                        )
                    }
                    None => (name, quote!(value), quote!(value)),
                };
                if field.ty.has_bare_vector() {
                    let write = write_value(&place, &reference, &field.ty);
                    statements.write(quote! {
                        match &self.#holder {
                            Some(value) => #write,
                            None => out,
                        }
                    });
                } else {
                    // The common case in one line, through the writer.
                    let value = match &field.shared {
                        Some(_) => quote!(self.#holder.as_ref().map(|value| #reference)),
                        None => quote!(self.#holder.as_ref()),
                    };
                    statements.write(quote!(out.write_optional(#value)));
                }
            }
            Role::Bit { .. } | Role::ImpliedBit { .. } => {}
        }
    }
    run.flush(&mut statements);
    statements.body()
}

/// The statements of a serialiser, each write an expression that takes
/// the place `out` and gives the place after it.
#[derive(Default)]
struct Steps {
    statements: Vec<TokenStream>,
    /// The last write, not yet bound to `out`: it ends the body if
    /// nothing follows it.
    last_write: Option<TokenStream>,
}

impl Steps {
    /// Adds a write: an expression giving the place after it.
    fn write(&mut self, write: TokenStream) {
        self.bind_last_write();
        self.last_write = Some(write);
    }

    /// Adds a statement that is not a write (a mask computed, a check).
    fn statement(&mut self, statement: TokenStream) {
        self.bind_last_write();
        self.statements.push(statement);
    }

    /// `let out = <the last write>;`, for what follows it.
    fn bind_last_write(&mut self) {
        if let Some(write) = self.last_write.take() {
            self.statements.push(quote!(let out = #write;));
        }
    }

    /// The statements, then the place after them: the last write itself,
    /// or `out` when there is none after the last statement.
    fn body(self) -> TokenStream {
        let statements = self.statements;
        let tail = self.last_write.unwrap_or_else(|| quote!(out));
        quote!(#(#statements)* #tail)
    }
}

/// The members of a constructor whose fields are all numbers (or `Bool`s)
/// that fit one run after its 4-byte id, in wire order: its boxed form is
/// then written with one `put`. `None` for any other.
pub fn run_members(item: &Item) -> Option<Vec<proc_macro2::Ident>> {
    let mut bytes = 4;
    let mut members = Vec::new();
    for field in &item.fields {
        if field.role != Role::Required {
            return None;
        }
        bytes += run_size(&field.ty)?;
        members.push(ident(field.member.as_deref()?));
    }
    let fits = !members.is_empty() && members.len() < Run::MAX_VALUES && bytes <= Run::MAX_BYTES;
    fits.then_some(members)
}

/// The size on the wire of a value that can be part of a run: a number or
/// a `Bool`.
fn run_size(ty: &RustType) -> Option<usize> {
    match ty {
        RustType::Int | RustType::Nat | RustType::Bool => Some(4),
        RustType::Long | RustType::Double => Some(8),
        RustType::Int128 => Some(16),
        RustType::Int256 => Some(32),
        _ => None,
    }
}

/// Fixed-size values waiting to be written as one run: at most
/// [`Run::MAX_BYTES`] bytes (`tl_types::__private::MAX_RUN`) and
/// [`Run::MAX_VALUES`] values (the largest tuple with a `Run` impl).
#[derive(Default)]
struct Run {
    values: Vec<TokenStream>,
    bytes: usize,
}

impl Run {
    const MAX_BYTES: usize = 64;
    const MAX_VALUES: usize = 8;

    /// Adds a value of `size` bytes, writing the run first if it would not fit.
    fn push(&mut self, value: TokenStream, size: usize, statements: &mut Steps) {
        if self.bytes + size > Self::MAX_BYTES || self.values.len() == Self::MAX_VALUES {
            self.flush(statements);
        }
        self.values.push(value);
        self.bytes += size;
    }

    /// The statement writing the values waiting, if any: one `put_run`, or
    /// the one value's `write_to`, each giving the place after them.
    fn flush(&mut self, statements: &mut Steps) {
        let values = std::mem::take(&mut self.values);
        self.bytes = 0;
        match values.as_slice() {
            [] => {}
            [value] => statements.write(quote!(#value.write_to(out))),
            _ => statements.write(quote!(out.put_run((#(#values),*)))),
        }
    }
}

/// A `u32` literal in hex: `0x00000006_u32`.
pub fn hex_u32(bits: u32) -> TokenStream {
    format!("0x{bits:08x}_u32").parse().expect("a literal")
}

/// The terms of a mask's bits from the fields that depend on it (fields
/// sharing a bit are one member, so they cannot disagree). Shared with the
/// TL-JSON writer.
pub fn mask_value(item: &Item, mask: &str) -> Vec<TokenStream> {
    let mut bits = Vec::new();
    for (bit, on_bit) in item.bits_of(mask) {
        let field = on_bit[0];
        let present = match (&field.role, &field.shared) {
            (Role::Bit { .. }, _) => {
                let member = ident(&field.ident);
                quote!(self.#member)
            }
            (Role::ImpliedBit { by, .. }, _) => {
                let by = ident(by);
                quote!(self.#by.is_some())
            }
            (_, Some(shared)) => {
                let member = ident(&shared.member);
                quote!(self.#member.is_some())
            }
            _ => {
                let member = ident(&field.ident);
                quote!(self.#member.is_some())
            }
        };
        bits.push(if bit == 0 {
            quote!(u32::from(#present))
        } else {
            let bit = proc_macro2::Literal::u32_unsuffixed(bit);
            quote!(u32::from(#present) << #bit)
        });
    }
    bits
}

/// Checks that separate `Option`s on one bit of `mask` (more than
/// [`crate::plan::MAX_SHARED`] of them, so not one tuple) are all present or
/// all absent; a value where they disagree is not encoded.
fn inconsistent_flag_checks(item: &Item, mask: &str, tl_name: &str) -> Vec<TokenStream> {
    let mut checks = Vec::new();
    for (bit, on_bit) in item.bits_of(mask) {
        let separate: Vec<&Field> = on_bit
            .into_iter()
            .filter(|f| matches!(f.role, Role::Optional { .. }) && f.shared.is_none())
            .collect();
        if separate.len() < 2 {
            continue;
        }
        let names: Vec<String> = separate.iter().map(|f| f.param.name.to_string()).collect();
        let idents: Vec<_> = separate.iter().map(|f| ident(&f.ident)).collect();
        let flag = format!("{}.{bit}", mask.trim_start_matches("r#"));
        let first = &idents[0];
        let rest = &idents[1..];
        checks.push(quote! {
            if #(self.#first.is_some() != self.#rest.is_some())||* {
                return out.fail(tl::EncodeError::InconsistentFlag {
                    definition: #tl_name,
                    flag: #flag,
                    fields: &[#(#names),*],
                });
            }
        });
    }
    checks
}

/// An expression writing a value at `out` and giving the place after it:
/// `place` is the value itself (`self.x`, `value`), `reference` a
/// reference to it (`&self.x`, `value`).
fn write_value(place: &TokenStream, reference: &TokenStream, ty: &RustType) -> TokenStream {
    if ty.has_bare_vector() {
        write_vector(reference, ty)
    } else {
        quote!(#place.write_to(out))
    }
}

/// The call writing a vector whose codec is not its element type's alone:
/// bare, or holding a bare vector.
fn write_vector(reference: &TokenStream, ty: &RustType) -> TokenStream {
    let RustType::Vector { element, bare } = ty else {
        return quote!(#reference.write_to(out));
    };
    if element.has_bare_vector() {
        let inner = write_vector(&quote!(item), element);
        if *bare {
            quote!(tl::wire::write_bare_vector_with(#reference, out, |item, out| #inner))
        } else {
            quote!(tl::wire::write_vector_with(#reference, out, |item, out| #inner))
        }
    } else if *bare {
        quote!(tl::wire::write_bare_vector(#reference, out))
    } else {
        quote!(#reference.write_to(out))
    }
}

/// How a decoder reads its fields: into owned values (`tl::read!`,
/// `Decode`) or into values that borrow from the input (`tl::borrow!`,
/// `BorrowDecode`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// `Decode`: strings and bytes are copied.
    Owned,
    /// `BorrowDecode`: strings and bytes point into the input.
    Borrowed,
}

impl Reads {
    /// How `plan`'s bindings read whatever is not a field of a constructor
    /// (a variant of an enum, of `AnyValue`, ...): borrowed bindings borrow.
    pub fn of(plan: &crate::plan::Plan) -> Reads {
        if plan.lifetimes.borrowed() {
            Reads::Borrowed
        } else {
            Reads::Owned
        }
    }

    /// An expression reading one value from `reader`: `reader.read()` or
    /// `reader.borrow()`.
    pub fn value(self) -> TokenStream {
        match self {
            Reads::Owned => quote!(reader.read()),
            Reads::Borrowed => quote!(reader.borrow()),
        }
    }

    /// The macro reading one field: `tl::read!` or `tl::borrow!`.
    fn field_macro(self) -> TokenStream {
        match self {
            Reads::Owned => quote!(tl::read!),
            Reads::Borrowed => quote!(tl::borrow!),
        }
    }
}

/// An expression reading a vector whose codec is not its element type's
/// alone, of type `Result<Vec<_>, DecodeError>` (`Result<tl::CowVec<'a, _>,
/// DecodeError>` read borrowed).
fn read_vector(ty: &RustType, reads: Reads) -> TokenStream {
    let element_read = reads.value();
    let RustType::Vector { element, bare } = ty else {
        return element_read;
    };
    if element.has_bare_vector() {
        let inner = match (reads, element.as_ref()) {
            // A function of the one reader it is given, not a closure
            // around it (the owned reader's takes any reader's lifetime).
            (
                Reads::Borrowed,
                RustType::Vector {
                    element,
                    bare: true,
                },
            ) if !element.has_bare_vector() => {
                quote!(tl::wire::borrow_bare_vector)
            }
            _ => {
                let inner = read_vector(element, reads);
                quote!(|reader| #inner)
            }
        };
        match (reads, *bare) {
            (Reads::Owned, true) => quote!(tl::wire::read_bare_vector_with(reader, #inner)),
            (Reads::Owned, false) => quote!(tl::wire::read_vector_with(reader, #inner)),
            (Reads::Borrowed, true) => quote!(tl::wire::borrow_bare_vector_with(reader, #inner)),
            (Reads::Borrowed, false) => quote!(tl::wire::borrow_vector_with(reader, #inner)),
        }
    } else if *bare {
        match reads {
            Reads::Owned => quote!(tl::wire::read_bare_vector(reader)),
            Reads::Borrowed => quote!(tl::wire::borrow_bare_vector(reader)),
        }
    } else {
        element_read
    }
}

fn read_value(field: &Field, reads: Reads) -> TokenStream {
    if let Some(length) = &field.sized_by {
        let length = ident(length);
        match reads {
            Reads::Owned => quote!(tl::__private::read_sized_object(reader, #length)?),
            Reads::Borrowed => quote!(tl::__private::borrow_sized_object(reader, #length)?),
        }
    } else if field.ty.has_bare_vector() {
        let read = read_vector(&field.ty, reads);
        quote!(#read?)
    } else {
        let read = reads.field_macro();
        quote!(#read(reader))
    }
}

/// Statements reading the fields from `reader`, ending in `Ok(Self { .. })`.
///
/// ```ignore
/// let flags: u32 = tl::read!(reader);
/// let logout_tokens = tl::read!(reader, if flags & (1 << 6) != 0);
/// let token = tl::read!(reader, if flags & (1 << 8) != 0);
/// let app_sandbox = tl::read!(reader, if flags & (1 << 8) != 0);
/// Ok(Self {
///     logout_tokens,
///     token_and_app_sandbox: match (token, app_sandbox) {
///         (Some(token), Some(app_sandbox)) => Some((token, app_sandbox)),
///         _ => None,
///     },
/// })
/// ```
pub fn decoder(item: &Item, scope: &Scope, reads: Reads) -> TokenStream {
    let read_field = reads.field_macro();
    let mut statements = Vec::new();
    for field in &item.fields {
        let name = ident(&field.ident);
        let read = read_value(field, reads);
        statements.push(match &field.role {
            Role::Mask { bits } if *bits != 0 => {
                quote!(let #name: u32 = #read_field(reader);)
            }
            Role::Mask { .. } => quote!(let _: u32 = #read_field(reader);),
            // Each local's type is the member's it is stored in.
            Role::Required => quote!(let #name = #read;),
            Role::Optional { mask, bit } => {
                let mask = ident(mask);
                let bit = proc_macro2::Literal::u32_unsuffixed(*bit);
                if field.sized_by.is_none() && !field.ty.has_bare_vector() {
                    // The common case in one line, through the reader.
                    quote!(let #name = #read_field(reader, if #mask & (1 << #bit) != 0);)
                } else {
                    let ty = scope.ty(&field.ty);
                    let option = scope.std("Option");
                    let some = scope.std("Some");
                    let none = scope.std("None");
                    quote! {
                        let #name: #option<#ty> = if #mask & (1 << #bit) != 0 {
                            #some(#read)
                        } else {
                            #none
                        };
                    }
                }
            }
            Role::Bit { mask, bit } => {
                let mask = ident(mask);
                let bit = proc_macro2::Literal::u32_unsuffixed(*bit);
                quote!(let #name = #mask & (1 << #bit) != 0;)
            }
            Role::ImpliedBit { .. } => quote!(),
        });
    }
    let members = item.fields.iter().filter_map(|field| {
        let member_name = field.member.as_deref()?;
        let member = ident(member_name);
        Some(match (&field.role, &field.shared) {
            (Role::Mask { bits }, _) => {
                let local = ident(&field.ident);
                let others = hex_u32(!bits);
                quote!(#member: #local & #others)
            }
            // Read under one bit, the parts are all present or all absent.
            (_, Some(_)) => {
                let locals: Vec<_> = item
                    .shared_fields(member_name)
                    .map(|f| ident(&f.ident))
                    .collect();
                let some = scope.std("Some");
                let none = scope.std("None");
                quote! {
                    #member: match (#(#locals,)*) {
                        (#(#some(#locals),)*) => #some((#(#locals,)*)),
                        _ => #none,
                    }
                }
            }
            _ => quote!(#member),
        })
    });
    let ok = scope.std("Ok");
    quote! {
        #(#statements)*
        #ok(Self { #(#members),* })
    }
}

/// The name of the reader parameter, unused when nothing is read.
pub fn reader_name(item: &Item) -> TokenStream {
    if item.fields.is_empty() {
        quote!(_reader)
    } else {
        quote!(reader)
    }
}
