//! Each construct of the TL grammar that real schemas use, on a real line.

use tl_parser::{Category, FlagRef, IdOrigin, Schema, Type};

fn parse(text: &str) -> Schema {
    tl_parser::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn only(text: &str) -> tl_parser::Definition {
    let mut schema = parse(text);
    assert_eq!(schema.definitions.len(), 1, "{text}");
    schema.definitions.remove(0)
}

#[test]
fn a_constructor_with_namespace_id_params_and_result() {
    let d = only(
        "auth.sendCode#a677244f phone_number:string api_id:int api_hash:string settings:CodeSettings = auth.SentCode;",
    );
    assert_eq!(d.namespace, ["auth"]);
    assert_eq!(d.name, "sendCode");
    assert_eq!(d.id, 0xa677244f);
    assert_eq!(d.id_origin, IdOrigin::Explicit);
    assert_eq!(d.category, Category::Type);
    let names: Vec<_> = d.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["phone_number", "api_id", "api_hash", "settings"]);
    assert_eq!(d.params[3].ty, Type::named("CodeSettings"));
    assert!(!d.params[3].ty.bare);
    assert_eq!(d.result, Type::named("auth.SentCode"));
    assert_eq!(d.span.line, 1);
    assert_eq!(d.span.column, 1);
}

#[test]
fn ids_of_fewer_than_eight_digits() {
    let d = only("storage.fileJpeg#7efe0e = storage.FileType;");
    assert_eq!(d.id, 0x007efe0e);
    assert_eq!(d.computed_id(tl_parser::IdRule::Telegram), d.id);
    let d = only(
        "resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ;",
    );
    assert_eq!(d.id, 0x05162463);
}

#[test]
fn missing_ids_are_computed() {
    let d = only("vector {t:Type} # [ t ] = Vector t;");
    assert_eq!(d.id_origin, IdOrigin::Computed);
    assert_eq!(d.id, 0x1cb5c415);
    let d = only("error code:int32 message:string = Error;");
    assert_eq!(
        d.id,
        crc32fast_hash("error code:int32 message:string = Error")
    );
}

fn crc32fast_hash(text: &str) -> u32 {
    // The IEEE CRC32, bit by bit: an implementation independent of the parser's.
    let mut crc = !0u32;
    for byte in text.bytes() {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn the_id_examples_of_the_notes() {
    let cases = [
        (
            "auth.sendCode#a677244f phone_number:string api_id:int api_hash:string settings:CodeSettings = auth.SentCode;",
            0xa677244f,
        ),
        (
            "auth.sentCode#5e002502 flags:# type:auth.SentCodeType phone_code_hash:string next_type:flags.1?auth.CodeType timeout:flags.2?int = auth.SentCode;",
            0x5e002502,
        ),
        (
            "invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;",
            0xda9b0d0d,
        ),
        ("vector#1cb5c415 {t:Type} # [ t ] = Vector t;", 0x1cb5c415),
    ];
    for (line, id) in cases {
        let d = only(line);
        assert_eq!(d.computed_id(tl_parser::IdRule::Telegram), id, "{line}");
        assert_eq!(
            d.computed_id(tl_parser::IdRule::Telegram),
            crc32fast_hash(&tl_parser::id::normalised_text(
                &d,
                tl_parser::IdRule::Telegram
            ))
        );
    }
}

#[test]
fn normalisation_drops_true_flags_and_rewrites_a_fields_bytes() {
    let d = only(
        "inputMediaUploadedPhoto#7d8375da flags:# spoiler:flags.2?true live_photo:flags.3?true file:InputFile stickers:flags.0?Vector<InputDocument> ttl_seconds:flags.1?int video:flags.3?InputDocument = InputMedia;",
    );
    assert_eq!(
        tl_parser::id::normalised_text(&d, tl_parser::IdRule::Telegram),
        "inputMediaUploadedPhoto flags:# file:InputFile stickers:flags.0?Vector InputDocument ttl_seconds:flags.1?int video:flags.3?InputDocument = InputMedia"
    );
    let d = only(
        "secureValueErrorFiles#666220e9 type:SecureValueType file_hash:Vector<bytes> text:string = SecureValueError;",
    );
    assert_eq!(
        d.computed_id(tl_parser::IdRule::Telegram),
        0x666220e9,
        "bytes inside Vector<> stays bytes"
    );
    let d = only(
        "messages.sendEncryptedFile#5559481d flags:# silent:flags.0?true peer:InputEncryptedChat random_id:long data:bytes file:InputEncryptedFile = messages.SentEncryptedMessage;",
    );
    assert_eq!(
        d.computed_id(tl_parser::IdRule::Telegram),
        0x5559481d,
        "a field of type bytes is written string"
    );
}

#[test]
fn masks_and_conditional_fields() {
    let d = only(
        "auth.sentCode#5e002502 flags:# type:auth.SentCodeType phone_code_hash:string next_type:flags.1?auth.CodeType timeout:flags.2?int = auth.SentCode;",
    );
    assert!(d.params[0].is_mask());
    assert_eq!(d.params[0].ty.name, "#");
    assert_eq!(
        d.params[3].flag,
        Some(FlagRef {
            field: "flags".into(),
            bit: 1
        })
    );
    assert_eq!(d.params[3].ty, Type::named("auth.CodeType"));
    assert_eq!(d.params[4].flag.as_ref().unwrap().bit, 2);
    assert!(!d.params[4].is_flag_bit());
}

#[test]
fn second_mask_and_bits_up_to_31() {
    let d = only(
        "message#7600b9d3 flags:# out:flags.1?true flags2:# offline:flags2.1?true effect:flags2.31?long id:int = Message;",
    );
    assert!(d.params[2].is_mask());
    assert_eq!(
        d.params[3].flag,
        Some(FlagRef {
            field: "flags2".into(),
            bit: 1
        })
    );
    assert!(d.params[3].is_flag_bit());
    assert_eq!(d.params[4].flag.as_ref().unwrap().bit, 31);
}

#[test]
fn one_bit_gating_two_fields() {
    let d = only(
        "inputMediaUploadedPhoto#7d8375da flags:# spoiler:flags.2?true live_photo:flags.3?true file:InputFile stickers:flags.0?Vector<InputDocument> ttl_seconds:flags.1?int video:flags.3?InputDocument = InputMedia;",
    );
    let on_bit_3: Vec<_> = d
        .params
        .iter()
        .filter(|p| p.flag.as_ref().is_some_and(|f| f.bit == 3))
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(on_bit_3, ["live_photo", "video"]);
    assert_eq!(d.computed_id(tl_parser::IdRule::Telegram), 0x7d8375da);
}

#[test]
fn generics_and_bang_references() {
    let d = only("invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;");
    assert_eq!(d.generics.len(), 1);
    assert_eq!(d.generics[0].name, "X");
    assert_eq!(d.generics[0].kind, Type::named("Type"));
    assert!(d.params[1].ty.generic_ref);
    assert_eq!(d.params[1].ty.name, "X");
    assert_eq!(d.result.name, "X");
    assert!(!d.result.generic_ref);
}

#[test]
fn vectors_boxed_bare_nested_and_space_form() {
    let d = only("msgs_ack#62d6b459 msg_ids:Vector<long> = MsgsAck;");
    let ty = &d.params[0].ty;
    assert_eq!((ty.name.as_str(), ty.bare), ("Vector", false));
    assert_eq!(ty.args, [Type::named("long")]);

    let d = only(
        "future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;",
    );
    let ty = &d.params[2].ty;
    assert_eq!((ty.name.as_str(), ty.bare), ("vector", true));
    assert!(ty.args[0].bare);

    let d = only("tlsBlockPermutation entries:Vector<Vector<TlsBlock>> = TlsBlock;");
    assert_eq!(d.params[0].ty.args[0].args[0], Type::named("TlsBlock"));
    assert_eq!(d.params[0].ty.to_string(), "Vector<Vector<TlsBlock>>");

    let d = only("vector#1cb5c415 {t:Type} # [ t ] = Vector t;");
    assert_eq!(d.result.name, "Vector");
    assert_eq!(d.result.args, [Type::named("t")]);
}

#[test]
fn percent_bare_types() {
    let d = only("msg_container#73f1f8dc messages:vector<%Message> = MessageContainer;");
    let inner = &d.params[0].ty.args[0];
    assert_eq!(inner.name, "Message");
    assert!(inner.bare);
    assert!(inner.is_percent_bare());
    assert_eq!(d.params[0].ty.to_string(), "vector<%Message>");
}

#[test]
fn builtin_declarations_are_marked_builtin() {
    let schema = parse(
        "int ? = Int;\nint128 4*[ int ] = Int128;\nvector#1cb5c415 {t:Type} # [ t ] = Vector t;\nint256 8*[ int32 ] = Int256;",
    );
    let bodies: Vec<_> = schema
        .definitions
        .iter()
        .map(|d| d.builtin.as_deref().unwrap())
        .collect();
    assert_eq!(bodies, ["?", "4*[ int ]", "# [ t ]", "8*[ int32 ]"]);
    assert_eq!(schema.constructors().count(), 0);
    assert!(schema.definitions.iter().all(|d| d.params.is_empty()));
}

#[test]
fn sections_switch_any_number_of_times() {
    let schema = parse(
        "---functions---\nping#7abe77ec ping_id:long = Pong;\n---types---\npong#347773c5 msg_id:long ping_id:long = Pong;\n---functions---\n---functions---\nget_future_salts#b921bd04 num:int = FutureSalts;\n---types---\n",
    );
    let categories: Vec<_> = schema.definitions.iter().map(|d| d.category).collect();
    assert_eq!(
        categories,
        [Category::Function, Category::Type, Category::Function]
    );
}

#[test]
fn comments_anywhere_between_tokens() {
    let d = only(
        "/* a */ inputPeerUser#dde8a54c /* b */ user_id:long // c\n  access_hash:long /* d\n spans lines */ = // e\n InputPeer /* f */ ; // g",
    );
    assert_eq!(d.full_name(), "inputPeerUser");
    assert_eq!(d.params.len(), 2);
    assert_eq!(d.computed_id(tl_parser::IdRule::Telegram), 0xdde8a54c);
}

#[test]
fn definitions_spanning_lines() {
    let schema = parse(
        "\n\ndht.node\n    id:PublicKey\n    addr_list:adnl.addressList\n    version:int\n    signature:bytes\n    = dht.Node;\nfoo = Foo;\n",
    );
    let d = &schema.definitions[0];
    assert_eq!(d.params.len(), 4);
    assert_eq!((d.span.line, d.span.column), (3, 1));
    assert_eq!((d.params[1].span.line, d.params[1].span.column), (5, 5));
    assert_eq!(schema.definitions[1].span.line, 9);
}

#[test]
fn layer_comment() {
    assert_eq!(parse("// LAYER 229").layer, Some(229));
    assert_eq!(parse("foo = Foo;\n//LAYER 7\nbar = Bar;").layer, Some(7));
    assert_eq!(parse("// layer 23").layer, None);
    assert_eq!(parse("// LAYERS 2").layer, None);
}

#[test]
fn doc_comments_in_tdlib_style() {
    let schema = parse(
        "//@class AuthorizationState @description Represents the current authorization state\n\n//@description TDLib needs parameters @param_a First\n//-line two @b Second, mail a@b.c\nauthorizationStateWaitParameters a:int32 b:string = AuthorizationState;\n",
    );
    assert_eq!(schema.type_docs.len(), 1);
    assert_eq!(schema.type_docs[0].name, "AuthorizationState");
    let doc = schema.definitions[0].doc.as_ref().unwrap();
    assert_eq!(doc.description(), Some("TDLib needs parameters"));
    assert_eq!(doc.get("param_a"), Some("First line two"));
    assert_eq!(doc.get("b"), Some("Second, mail a@b.c"));
}

#[test]
fn plain_comments_are_not_docs() {
    let d = only("// just a note\nfoo = Foo;");
    assert_eq!(d.doc, None);
}

#[test]
fn windows_line_endings_and_a_byte_order_mark() {
    let schema = parse("\u{feff}foo#00000001 a:int = Foo;\r\n// LAYER 3\r\nbar b:long = Bar;\r\n");
    assert_eq!(schema.definitions.len(), 2);
    assert_eq!(schema.layer, Some(3));
}

#[test]
fn printed_definitions_are_canonical() {
    let d = only("storage.fileJpeg#7efe0e = storage.FileType;");
    assert_eq!(
        d.to_string(),
        "storage.fileJpeg#007efe0e = storage.FileType;"
    );
    let d = only("vector {t:Type} # [ t ] = Vector t;");
    assert_eq!(d.to_string(), "vector {t:Type} # [ t ] = Vector<t>;");
    let d = only("adnl.addressList addrs:(vector adnl.Address) = adnl.AddressList;");
    assert_eq!(
        d.to_string(),
        "adnl.addressList addrs:vector<adnl.Address> = adnl.AddressList;"
    );
}
