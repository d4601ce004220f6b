//! The TL grammar, written with nom: the items of a schema text (comments,
//! section separators, definitions), each parsed by small combinators.
//!
//! The reader (`reader.rs`) walks the file and hands each item here, except
//! the ordinary definitions that the fast scanner (`scan.rs`) reads on its
//! own. This grammar is the reference: it reads everything TL allows, and its
//! errors carry the position where parsing stopped and what was expected there.

use crate::error::ParseError;
use crate::model::{
    Category, Definition, FlagRef, GenericParam, IdOrigin, Namespace, Parameter, Span, Type,
};
use compact_str::CompactString;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_until, take_while, take_while1};
use nom::character::complete::{char, digit1, multispace1, not_line_ending};
use nom::combinator::{cut, opt, recognize};
use nom::sequence::pair;
use nom::{IResult, Input as _, Offset, Parser};
use nom_locate::LocatedSpan;

/// Schema text with its position (offset, line, column) tracked by nom_locate.
pub(crate) type Input<'a> = LocatedSpan<&'a str>;

pub(crate) type PResult<'a, T> = IResult<Input<'a>, T, GrammarError<'a>>;

/// How deeply type arguments may nest (`Vector<Vector<...>>`) before the
/// parser refuses the input instead of recursing further.
pub const MAX_TYPE_DEPTH: usize = 32;

/// A grammar error: where parsing stopped and what was expected there.
#[derive(Debug)]
pub(crate) struct GrammarError<'a> {
    at: Input<'a>,
    expected: Option<String>,
}

impl<'a> GrammarError<'a> {
    fn expected(at: Input<'a>, what: impl Into<String>) -> Self {
        GrammarError {
            at,
            expected: Some(what.into()),
        }
    }
}

impl<'a> nom::error::ParseError<Input<'a>> for GrammarError<'a> {
    fn from_error_kind(input: Input<'a>, _kind: nom::error::ErrorKind) -> Self {
        GrammarError {
            at: input,
            expected: None,
        }
    }

    fn append(_input: Input<'a>, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        // Keep whichever alternative got further into the input.
        if other.at.location_offset() >= self.at.location_offset() {
            other
        } else {
            self
        }
    }
}

/// Fails with `what` as the expectation, at the position the parser failed.
fn expect<'a, O>(
    what: &'static str,
    mut parser: impl Parser<Input<'a>, Output = O, Error = GrammarError<'a>>,
) -> impl FnMut(Input<'a>) -> PResult<'a, O> {
    move |input: Input<'a>| {
        parser.parse(input).map_err(|err| {
            err.map(|mut e| {
                if e.expected.is_none() {
                    e.expected = Some(what.to_owned());
                }
                e
            })
        })
    }
}

/// A hard failure at `at`: no alternative is tried after it.
fn fail<'a, T>(at: Input<'a>, what: impl Into<String>) -> PResult<'a, T> {
    Err(nom::Err::Failure(GrammarError::expected(at, what)))
}

fn span_between(start: &Input<'_>, end: &Input<'_>) -> Span {
    Span {
        start: start.location_offset(),
        end: end.location_offset(),
        line: start.location_line(),
        column: u32::try_from(start.get_utf8_column()).unwrap_or(u32::MAX),
    }
}

/// The [`ParseError`] for a grammar error in `text`.
pub(crate) fn to_parse_error(text: &str, err: nom::Err<GrammarError<'_>>) -> ParseError {
    let (at, expected) = match err {
        nom::Err::Error(e) | nom::Err::Failure(e) => (e.at, e.expected),
        nom::Err::Incomplete(_) => (Input::new(""), None),
    };
    let offset = at.location_offset();
    let found = describe_found(&text[offset.min(text.len())..]);
    let message = match expected {
        Some(expected) => format!("expected {expected}, found {found}"),
        None => format!("unexpected {found}"),
    };
    ParseError::new(text, offset, message)
}

fn describe_found(rest: &str) -> String {
    match rest.chars().next() {
        None => "end of input".to_owned(),
        Some(c) if c.is_whitespace() => "whitespace".to_owned(),
        Some(_) => {
            let token: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace())
                .take(24)
                .collect();
            format!("`{token}`")
        }
    }
}

/// `// text` up to the end of the line; returns the text after `//`.
pub(crate) fn line_comment(input: Input<'_>) -> PResult<'_, Input<'_>> {
    let (rest, _) = tag("//").parse(input)?;
    not_line_ending(rest)
}

/// `/* ... */`, which must be closed.
pub(crate) fn block_comment(input: Input<'_>) -> PResult<'_, Input<'_>> {
    let (rest, _) = tag("/*").parse(input)?;
    match take_until::<_, _, GrammarError>("*/").parse(rest) {
        Ok((rest, body)) => Ok((rest.take_from(2), body)),
        Err(_) => fail(input, "`*/` closing this comment"),
    }
}

/// Whitespace and comments between tokens of a definition.
fn trivia(mut input: Input<'_>) -> PResult<'_, ()> {
    loop {
        let before = input.location_offset();
        if let Ok((rest, _)) = multispace1::<_, GrammarError>(input) {
            input = rest;
        }
        if input.fragment().starts_with("//") {
            (input, _) = line_comment(input)?;
        } else if input.fragment().starts_with("/*") {
            (input, _) = block_comment(input)?;
        }
        if input.location_offset() == before {
            return Ok((input, ()));
        }
    }
}

/// `LAYER 229` (the text of a `// LAYER 229` comment) → 229.
pub(crate) fn layer_number(comment: &str) -> Option<u32> {
    let rest = comment.trim().strip_prefix("LAYER")?;
    let digits = rest.trim();
    if !rest.starts_with(char::is_whitespace) || digits.is_empty() {
        return None;
    }
    digits.parse().ok()
}

/// `---types---` or `---functions---`.
pub(crate) fn section(input: Input<'_>) -> PResult<'_, Category> {
    let (rest, name) =
        recognize((tag("---"), take_while(is_ident_char), tag("---"))).parse(input)?;
    match *name.fragment() {
        "---types---" => Ok((rest, Category::Type)),
        "---functions---" => Ok((rest, Category::Function)),
        _ => fail(input, "`---types---` or `---functions---`"),
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// An identifier: a letter or `_`, then letters, digits and `_`.
fn ident(input: Input<'_>) -> PResult<'_, Input<'_>> {
    recognize(pair(
        take_while1(|c: char| c.is_ascii_alphabetic() || c == '_'),
        take_while(is_ident_char),
    ))
    .parse(input)
}

/// A possibly namespaced identifier: `auth.sendCode` → (`["auth"]`, `sendCode`).
fn full_ident(input: Input<'_>) -> PResult<'_, (Namespace, CompactString)> {
    let (mut rest, first) = ident(input)?;
    let mut parts = vec![CompactString::from(*first.fragment())];
    while let Ok((after, next)) = pair(char('.'), ident).parse(rest) {
        parts.push(CompactString::from(*next.1.fragment()));
        rest = after;
    }
    let name = parts.pop().unwrap_or_default();
    Ok((rest, (Namespace::from(parts), name)))
}

/// `#a677244f`: 1 to 8 hex digits.
fn explicit_id(input: Input<'_>) -> PResult<'_, u32> {
    let (rest, _) = char('#').parse(input)?;
    let (after, digits) =
        match take_while1::<_, _, GrammarError>(|c: char| c.is_ascii_hexdigit()).parse(rest) {
            Ok(ok) => ok,
            Err(_) => return fail(rest, "a constructor id of 1 to 8 hex digits after `#`"),
        };
    if digits.fragment().len() > 8 {
        return fail(rest, "a constructor id of at most 8 hex digits");
    }
    match u32::from_str_radix(digits.fragment(), 16) {
        Ok(id) => Ok((after, id)),
        Err(_) => fail(rest, "a constructor id of 1 to 8 hex digits"),
    }
}

/// A type: `%`? `!`? then a name or `#`, then optional `<arguments>`.
fn type_term(input: Input<'_>, depth: usize) -> PResult<'_, Type> {
    if depth > MAX_TYPE_DEPTH {
        return fail(
            input,
            format!("type arguments nested at most {MAX_TYPE_DEPTH} deep"),
        );
    }
    if let Ok((rest, _)) = char::<_, GrammarError>('(')(input) {
        return parenthesised_type(rest, depth);
    }
    let (rest, generic_ref) = opt(char('!')).parse(input)?;
    let (rest, percent) = opt(char('%')).parse(rest)?;
    let (mut rest, (namespace, name)) = if let Ok((rest, _)) = char::<_, GrammarError>('#')(rest) {
        (rest, (Namespace::new(), CompactString::const_new("#")))
    } else {
        expect("a type name", full_ident).parse(rest)?
    };
    let mut args = Vec::new();
    let (after_space, _) = trivia(rest)?;
    if let Ok((after, _)) = char::<_, GrammarError>('<')(after_space) {
        rest = after;
        loop {
            let (after, _) = trivia(rest)?;
            let (after, arg) = type_term(after, depth + 1)?;
            args.push(arg);
            let (after, _) = trivia(after)?;
            if let Ok((after, _)) = char::<_, GrammarError>(',')(after) {
                rest = after;
                continue;
            }
            match char::<_, GrammarError>('>')(after) {
                Ok((after, _)) => {
                    rest = after;
                    break;
                }
                Err(_) => return fail(after, "`>` or `,` in the type arguments"),
            }
        }
    }
    let bare = percent.is_some() || crate::model::starts_lowercase(&name);
    let ty = Type {
        namespace,
        name,
        bare,
        generic_ref: generic_ref.is_some(),
        args,
    };
    Ok((rest, ty))
}

/// The inside of `(vector engine.Addr)`: a type applied to space-separated
/// arguments, then `)`.
fn parenthesised_type(input: Input<'_>, depth: usize) -> PResult<'_, Type> {
    let (rest, _) = trivia(input)?;
    let (mut rest, mut ty) = type_term(rest, depth + 1)?;
    loop {
        let (after, _) = trivia(rest)?;
        if let Ok((after, _)) = char::<_, GrammarError>(')')(after) {
            return Ok((after, ty));
        }
        match type_term(after, depth + 1) {
            Ok((after, arg)) => {
                ty.args.push(arg);
                rest = after;
            }
            Err(nom::Err::Error(_)) => return fail(after, "a type argument or `)`"),
            Err(err) => return Err(err),
        }
    }
}

/// `{X:Type}`.
fn generic_param(input: Input<'_>) -> PResult<'_, GenericParam> {
    let (rest, _) = char('{').parse(input)?;
    cut(generic_param_body).parse(rest)
}

/// `X:Type}`, after the `{`.
fn generic_param_body(rest: Input<'_>) -> PResult<'_, GenericParam> {
    let (rest, _) = trivia(rest)?;
    let (rest, name) = expect("a type parameter name", ident).parse(rest)?;
    let (rest, _) = trivia(rest)?;
    let (rest, _) = expect("`:` after the type parameter name", char(':')).parse(rest)?;
    let (rest, _) = trivia(rest)?;
    let (rest, kind) = type_term(rest, 0)?;
    let (rest, _) = trivia(rest)?;
    let (rest, _) = expect("`}` closing the type parameter", char('}')).parse(rest)?;
    let param = GenericParam {
        name: CompactString::from(*name.fragment()),
        kind,
    };
    Ok((rest, param))
}

/// `flags.3?` in front of a conditional field's type.
fn flag_condition(input: Input<'_>) -> PResult<'_, FlagRef> {
    let (rest, (field, _, bit, _)) = (ident, char('.'), digit1, char('?')).parse(input)?;
    match bit.fragment().parse::<u32>() {
        Ok(bit) => Ok((
            rest,
            FlagRef {
                field: CompactString::from(*field.fragment()),
                bit,
            },
        )),
        Err(_) => fail(bit, "a flag bit number that fits in 32 bits"),
    }
}

/// `name:type` or `name:flags.N?type`.
fn named_param(input: Input<'_>) -> PResult<'_, Parameter> {
    let (rest, name) = ident(input)?;
    let (rest, _) = char(':').parse(rest)?;
    let (rest, flag) = opt(flag_condition).parse(rest)?;
    let (rest, ty) = type_term(rest, 0)?;
    let param = Parameter {
        name: CompactString::from(*name.fragment()),
        ty,
        flag,
        span: span_between(&input, &rest),
    };
    Ok((rest, param))
}

/// What a definition's body holds before `=`: fields, or the tokens of a
/// built-in declaration (`?`, `#`, `[`, `]`, `4*`, anonymous types).
enum BodyItem<'a> {
    Param(Parameter),
    /// `?`, `[`, `]` or a multiplicity `4*`: these make the definition a built-in.
    Builtin(String),
    /// A type without a field name (`t` in `[ t ]`, the `#` of `vector`);
    /// allowed only in built-in declarations.
    Anonymous(String, Input<'a>),
}

fn body_item(input: Input<'_>) -> PResult<'_, BodyItem<'_>> {
    let mut builtin_token = alt((
        tag::<_, _, GrammarError>("?"),
        tag("["),
        tag("]"),
        recognize(pair(digit1, char('*'))),
    ));
    if let Ok((rest, token)) = builtin_token.parse(input) {
        return Ok((rest, BodyItem::Builtin(token.fragment().to_string())));
    }
    match named_param(input) {
        Ok((rest, param)) => return Ok((rest, BodyItem::Param(param))),
        Err(nom::Err::Error(_)) => {}
        Err(err) => return Err(err),
    }
    match type_term(input, 0) {
        Ok((rest, ty)) => Ok((
            rest,
            BodyItem::Anonymous(crate::print::type_text(&ty), input),
        )),
        Err(nom::Err::Error(_)) => fail(input, "a parameter `name:type`, or `=`"),
        Err(err) => Err(err),
    }
}

/// One definition, from its name to its `;`.
pub(crate) fn definition(input: Input<'_>, category: Category) -> PResult<'_, Definition> {
    let start = input;
    let (rest, (namespace, name)) = expect("a definition", full_ident).parse(input)?;
    let (rest, id) = opt(explicit_id).parse(rest)?;

    let mut generics = Vec::new();
    let mut rest = rest;
    loop {
        let (after, _) = trivia(rest)?;
        match generic_param(after) {
            Ok((after, generic)) => {
                generics.push(generic);
                rest = after;
            }
            Err(nom::Err::Error(_)) => break,
            Err(err) => return Err(err),
        }
    }

    let mut items = Vec::new();
    loop {
        let (after, _) = trivia(rest)?;
        rest = after;
        if rest.fragment().starts_with('=') {
            break;
        }
        if rest.fragment().is_empty() || rest.fragment().starts_with(';') {
            return fail(rest, "a parameter `name:type`, or `=`");
        }
        let (after, item) = body_item(rest)?;
        items.push(item);
        rest = after;
    }
    let (rest, _) = char('=').parse(rest)?;
    let (rest, _) = trivia(rest)?;
    let (mut rest, mut result) = match type_term(rest, 0) {
        Ok(ok) => ok,
        Err(nom::Err::Error(e)) => return Err(nom::Err::Failure(e)),
        Err(err) => return Err(err),
    };
    // The space form of a type application in a result, `= Vector t;`,
    // whose arguments are the definition's type parameters.
    loop {
        let (after, _) = trivia(rest)?;
        if after.fragment().starts_with(';') {
            rest = after.take_from(1);
            break;
        }
        match ident(after) {
            Ok((next, arg)) if generics.iter().any(|g| g.name == *arg.fragment()) => {
                result.args.push(Type::named(arg.fragment()));
                rest = next;
            }
            _ => return fail(after, "`;` ending the definition"),
        }
    }

    let is_builtin = items
        .iter()
        .any(|item| matches!(item, BodyItem::Builtin(_)));
    if !is_builtin {
        if let Some(BodyItem::Anonymous(_, at)) = items
            .iter()
            .find(|item| matches!(item, BodyItem::Anonymous(..)))
        {
            return fail(*at, "a parameter `name:type`");
        }
    }
    let (params, builtin) = if is_builtin {
        let mut text = String::new();
        for item in &items {
            if !text.is_empty() && !text.ends_with('*') {
                text.push(' ');
            }
            match item {
                BodyItem::Param(p) => text.push_str(&crate::print::param_text(p)),
                BodyItem::Builtin(token) | BodyItem::Anonymous(token, _) => text.push_str(token),
            }
        }
        (Vec::new(), Some(text))
    } else {
        let params = items
            .into_iter()
            .filter_map(|item| match item {
                BodyItem::Param(p) => Some(p),
                BodyItem::Builtin(_) | BodyItem::Anonymous(..) => None,
            })
            .collect();
        (params, None)
    };

    let mut definition = Definition {
        namespace,
        name,
        id: 0,
        id_origin: IdOrigin::Computed,
        category,
        generics,
        params,
        result,
        builtin,
        doc: None,
        span: span_between(&start, &rest),
    };
    definition.set_written_id(id);
    debug_assert!(start.offset(&rest) > 0);
    Ok((rest, definition))
}
