//! TL-JSON that does not fit the schema: an error naming the JSON path and
//! what was expected. Nothing is dropped or defaulted silently.

use serde_json::json;

fn codec() -> tl_json::Codec {
    let api = tl_parser::parse(include_str!("../../tl-types/schema/api.tl")).unwrap();
    tl_json::Codec::new(&[api])
}

fn encode_error(json: serde_json::Value) -> String {
    codec().encode(&json).unwrap_err().to_string()
}

#[test]
fn unknown_or_missing_constructor_names() {
    assert_eq!(
        encode_error(json!({"_": "nope"})),
        "at ._: unknown constructor or function `nope`"
    );
    assert_eq!(
        encode_error(json!({"x": 1})),
        "at .: the object has no \"_\" naming its constructor"
    );
    assert_eq!(
        encode_error(json!([1])),
        "at .: expected an object, found an array"
    );
}

#[test]
fn a_constructor_of_the_wrong_type() {
    let error = encode_error(json!({
        "_": "messages.sendMessage", "peer": {"_": "inputUserSelf"},
        "message": "hi", "random_id": "1"
    }));
    assert_eq!(
        error,
        "at .peer._: `inputUserSelf` is not a constructor of `InputPeer`"
    );
}

#[test]
fn missing_required_fields_and_unknown_fields() {
    assert_eq!(
        encode_error(json!({"_": "inputPeerUser", "user_id": "1"})),
        "at .access_hash: `inputPeerUser` needs the field `access_hash`"
    );
    assert_eq!(
        encode_error(json!({"_": "inputPeerUser", "user_id": "1", "access_hash": "2", "extra": 3})),
        "at .extra: `inputPeerUser` has no field `extra`"
    );
    // `#` masks are derived: ignored on input.
    codec()
        .encode(&json!({"_": "auth.sentCodeTypeSms", "length": 5}))
        .unwrap();
    codec()
        .encode(&json!({"_": "inputMediaUploadedPhoto", "flags": 12345, "file": {"_": "inputFile", "id": "1", "parts": 1, "name": "a", "md5_checksum": ""}}))
        .unwrap();
}

#[test]
fn numbers_out_of_range_and_malformed_strings() {
    assert_eq!(
        encode_error(json!({"_": "auth.sentCodeTypeSms", "length": 2_147_483_648u64})),
        "at .length: 2147483648 is out of range"
    );
    assert_eq!(
        encode_error(json!({"_": "inputPeerUser", "user_id": "12x", "access_hash": "2"})),
        "at .user_id: `12x` is not a 64-bit integer"
    );
    assert_eq!(
        encode_error(
            json!({"_": "inputPeerUser", "user_id": "9223372036854775808", "access_hash": "2"})
        ),
        "at .user_id: `9223372036854775808` is not a 64-bit integer"
    );
    let bytes = encode_error(
        json!({"_": "upload.file", "type": {"_": "storage.fileJpeg"}, "mtime": 0, "bytes": "not base64!"}),
    );
    assert!(bytes.starts_with("at .bytes: malformed base64"), "{bytes}");
}

#[test]
fn long_accepts_strings_and_numbers_and_keeps_the_extremes() {
    let codec = codec();
    for value in [
        json!("-9223372036854775808"),
        json!("9223372036854775807"),
        json!(42),
    ] {
        let bytes = codec
            .encode(&json!({"_": "inputPeerUser", "user_id": value, "access_hash": "0"}))
            .unwrap();
        let back = codec.decode(&bytes).unwrap();
        let expected = match &value {
            serde_json::Value::Number(n) => n.to_string(),
            other => other.as_str().unwrap().to_owned(),
        };
        assert_eq!(back["user_id"], expected);
    }
}

#[test]
fn null_means_absent_and_a_missing_true_flag_is_false() {
    let codec = codec();
    let with_null = codec
        .encode(&json!({"_": "auth.sentCode", "type": {"_": "auth.sentCodeTypeSms", "length": 5}, "phone_code_hash": "h", "next_type": null, "timeout": null}))
        .unwrap();
    let without = codec
        .encode(&json!({"_": "auth.sentCode", "type": {"_": "auth.sentCodeTypeSms", "length": 5}, "phone_code_hash": "h"}))
        .unwrap();
    assert_eq!(with_null, without);
    let decoded = codec.decode(&without).unwrap();
    assert!(
        decoded.get("next_type").is_none(),
        "absent fields are omitted"
    );
}

#[test]
fn a_true_flag_sharing_its_bit_with_a_value_must_say_the_same() {
    // messageReplies comments:flags.0?true channel_id:flags.0?long: a missing
    // `comments` is false, so with `channel_id` present it contradicts it,
    // in the dynamic encoder and in the generated bindings alike.
    use tl_types::json::FromTlJson;
    let replies = |extra: serde_json::Value| {
        let mut object = json!({"_": "messageReplies", "replies": 1, "replies_pts": 2});
        object
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        object
    };
    let agreeing = [
        replies(json!({})),
        replies(json!({"comments": false})),
        replies(json!({"comments": true, "channel_id": "5"})),
    ];
    for json in agreeing {
        let dynamic = codec().encode(&json).unwrap();
        let generated = tl_types::AnyObject::from_tl_json(&json, "").unwrap();
        assert_eq!(tl_types::Encode::to_bytes(&generated).unwrap(), dynamic);
    }
    let contradicting = [
        replies(json!({"channel_id": "5"})),
        replies(json!({"comments": false, "channel_id": "5"})),
        replies(json!({"comments": true})),
    ];
    for json in contradicting {
        let dynamic = codec().encode(&json).unwrap_err().to_string();
        assert!(dynamic.contains("share flags.0"), "{dynamic}");
        let generated = tl_types::AnyObject::from_tl_json(&json, "")
            .unwrap_err()
            .to_string();
        assert!(generated.contains("`comments` must be"), "{generated}");
    }
}

#[test]
fn decode_errors_name_the_byte() {
    let codec = codec();
    let error = codec.decode(&[0x02, 0x25, 0x00, 0x5e, 0, 0]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "at byte 4: input ends 2 byte(s) too early"
    );
    let mut bytes = codec
        .encode(&json!({"_": "auth.sentCodeTypeSms", "length": 5}))
        .unwrap();
    bytes.push(0);
    assert_eq!(
        codec.decode(&bytes).unwrap_err().to_string(),
        "at byte 8: 1 byte(s) left over after the value"
    );
}

#[test]
fn decode_errors_are_structured_not_text() {
    let codec = codec();
    // `auth.sentCodeTypeSms` cut short: the runtime's own error, whole.
    let error = codec.decode(&[0xa2, 0xbb, 0x00, 0xc0, 0x05]).unwrap_err();
    let tl_json::Error::Wire(wire) = &error else {
        panic!("{error:?}");
    };
    assert_eq!(
        *wire.kind(),
        tl_types::DecodeErrorKind::UnexpectedEnd { needed: 3 }
    );
    assert_eq!(error.offset(), Some(4));
    assert_eq!(
        error.to_string(),
        "at byte 4: input ends 3 byte(s) too early"
    );
    assert!(std::error::Error::source(&error).is_some());
    // An id the schema lacks is the schema's matter, at the id's offset.
    let error = codec.decode(&[1, 2, 3, 4]).unwrap_err();
    assert!(
        matches!(error, tl_json::Error::Decode { offset: 0, .. }),
        "{error:?}"
    );
    // Encoding errors have a path and no offset.
    let error = codec.encode(&json!({"_": "nope"})).unwrap_err();
    assert_eq!((error.offset(), error.path()), (None, Some("._")));
}
