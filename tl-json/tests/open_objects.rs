//! Fields of the open type `Object` (`rpc_result.result`, `message.body`):
//! the generated code keeps them as `RawObject` bytes, and its TL-JSON writes
//! the object they hold, as the dynamic codec does, read with the bindings
//! the MTProto bindings name (their own, then the Telegram API's); bytes
//! none of them can read stay base64. Both forms read back to the same bytes.

use serde_json::{Value, json};
use tl_types::json::{FromTlJson, ToTlJson};
use tl_types::mtproto::{AnyObject, types};
use tl_types::{Decode, Encode, RawObject};

/// The dynamic codec for everything bundled, built once for all tests.
fn full_codec() -> &'static tl_json::Codec {
    static CODEC: std::sync::OnceLock<tl_json::Codec> = std::sync::OnceLock::new();
    CODEC.get_or_init(|| {
        let parse = |text: &str| tl_parser::parse(text).unwrap();
        tl_json::Codec::new(&[
            parse(include_str!("../../tl-types/schema/api.tl")),
            parse(include_str!("../../tl-types/schema/mtproto.tl")),
            parse(include_str!("../../tl-types/schema/mtproto-manual.tl")),
        ])
    })
}

fn rpc_result(result: Vec<u8>) -> Vec<u8> {
    tl_types::mtproto::enums::RpcResult::from(types::RpcResult {
        req_msg_id: 4,
        result: RawObject(result),
    })
    .to_bytes()
    .unwrap()
}

/// `message` around `body`, `levels` times, each inside a `msg_container`.
fn nested_messages(body: Vec<u8>, levels: usize) -> Vec<u8> {
    let mut bytes = body;
    for level in 0..levels {
        let message = types::Message {
            msg_id: level as i64,
            seqno: 1,
            bytes: bytes.len() as i32,
            body: RawObject(bytes),
        };
        bytes = tl_types::mtproto::enums::MessageContainer::from(types::MsgContainer {
            messages: vec![message],
        })
        .to_bytes()
        .unwrap();
    }
    bytes
}

fn generated_json(bytes: &[u8]) -> Value {
    AnyObject::from_bytes(bytes).unwrap().to_tl_json()
}

fn generated_bytes(json: &Value) -> Vec<u8> {
    AnyObject::from_tl_json(json, "")
        .unwrap()
        .to_bytes()
        .unwrap()
}

#[test]
fn an_rpc_result_shows_the_answer_as_an_object() {
    let answer = json!({
        "_": "auth.sentCode",
        "type": {"_": "auth.sentCodeTypeSms", "length": 5},
        "phone_code_hash": "abc",
        "timeout": 120
    });
    let answer_bytes = full_codec().encode(&answer).unwrap();
    let bytes = rpc_result(answer_bytes);

    let json = generated_json(&bytes);
    assert_eq!(json["result"], answer);
    assert_eq!(json, full_codec().decode(&bytes).unwrap());
    assert_eq!(generated_bytes(&json), bytes);
}

#[test]
fn an_mtproto_answer_and_a_container_of_messages() {
    // rpc_error is an MTProto object, not an API one.
    let error = json!({"_": "rpc_error", "error_code": 420, "error_message": "FLOOD_WAIT_3"});
    let bytes = nested_messages(rpc_result(full_codec().encode(&error).unwrap()), 2);
    let json = generated_json(&bytes);
    assert_eq!(
        json["messages"][0]["body"]["messages"][0]["body"]["result"],
        error
    );
    assert_eq!(json, full_codec().decode(&bytes).unwrap());
    assert_eq!(generated_bytes(&json), bytes);
}

#[test]
fn bytes_no_binding_reads_stay_base64() {
    let bytes = rpc_result(vec![0xef, 0xbe, 0xad, 0xde, 1, 2, 3, 4]);
    let json = generated_json(&bytes);
    assert_eq!(json["result"], "776t3gECAwQ=");
    assert_eq!(generated_bytes(&json), bytes);
}

#[test]
fn open_objects_nested_without_end_are_cut_off_as_base64() {
    let bytes = nested_messages(rpc_result(vec![0x37, 0x97, 0x79, 0xbc]), 40);
    let json = generated_json(&bytes);
    let mut inner = &json;
    let mut opened = 0;
    while let Some(body) = inner.pointer("/messages/0/body") {
        inner = body;
        if !body.is_object() {
            break;
        }
        opened += 1;
    }
    assert_eq!(opened, 8, "{json}");
    assert!(inner.is_string(), "the ninth body is base64: {inner}");
    assert_eq!(generated_bytes(&json), bytes);
}

#[test]
fn a_bool_answer_reads_from_a_json_boolean_too() {
    let expected = rpc_result(0x997275b5u32.to_le_bytes().to_vec());
    let json = json!({"_": "rpc_result", "req_msg_id": "4", "result": true});
    assert_eq!(generated_bytes(&json), expected);
    assert_eq!(full_codec().encode(&json).unwrap(), expected);
    // Written, it is the constructor, as everywhere an object is expected.
    let written = json!({"_": "rpc_result", "req_msg_id": "4", "result": {"_": "boolTrue"}});
    assert_eq!(generated_json(&expected), written);
    assert_eq!(full_codec().decode(&expected).unwrap(), written);
}

#[test]
fn an_open_object_must_be_an_object_or_base64() {
    let json = json!({"_": "rpc_result", "req_msg_id": "4", "result": 7});
    let error = AnyObject::from_tl_json(&json, "").unwrap_err();
    assert_eq!(
        error.to_string(),
        "at .result: expected an object, a boolean or base64 bytes, found a number"
    );
    let json = json!({"_": "rpc_result", "req_msg_id": "4", "result": {"_": "nope"}});
    let error = AnyObject::from_tl_json(&json, "").unwrap_err();
    assert!(error.to_string().starts_with("at .result._:"), "{error}");
}
