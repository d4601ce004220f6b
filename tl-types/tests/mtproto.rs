//! The MTProto service objects, including those tdesktop parses by hand: a
//! container of messages whose body is an `rpc_result` answering `auth.sendCode`.
#![cfg(all(feature = "mtproto", feature = "api"))]

#[path = "support/seed_corpus.rs"]
mod seed_corpus;

use tl_types::mtproto::{AnyObject, enums, types};
use tl_types::{Decode, Encode, EncodeError, RawObject, RemoteCall, functions};

fn sent_code_bytes() -> Vec<u8> {
    seed_corpus::seed_bytes("auth.sentCode")
}

#[test]
fn a_container_holding_an_rpc_result() {
    let answer = sent_code_bytes();
    let result = enums::RpcResult::from(types::RpcResult {
        req_msg_id: 0x5f00_0000_0000_0004,
        result: RawObject(answer.clone()),
    });
    let body = result.to_bytes().unwrap();
    let message = types::Message {
        msg_id: 0x5f00_0000_0000_0001,
        seqno: 1,
        bytes: body.len() as i32,
        body: RawObject(body.clone()),
    };
    let container = enums::MessageContainer::from(types::MsgContainer {
        messages: vec![message.clone(), message],
    });
    let bytes = container.to_bytes().unwrap();
    assert_eq!(bytes[..4], 0x73f1f8dcu32.to_le_bytes());
    assert_eq!(
        bytes[4..8],
        2u32.to_le_bytes(),
        "a bare vector: count, no vector id"
    );

    let AnyObject::Value(decoded) = AnyObject::from_bytes(&bytes).unwrap() else {
        panic!("not a value");
    };
    assert_eq!(decoded.tl_name(), "msg_container");
    let enums::MessageContainer::MsgContainer(container) =
        enums::MessageContainer::from_bytes(&bytes).unwrap();
    let first = &container.messages[0];
    assert_eq!(first.body.0, body);
    let enums::RpcResult::RpcResult(rpc) = enums::RpcResult::from_bytes(&first.body.0).unwrap();
    type Answer = <functions::auth::SendCode as RemoteCall>::Return;
    let answer = Answer::from_bytes(&rpc.result.0).unwrap();
    assert_eq!(answer.tl_name(), "auth.sentCode");
}

#[test]
fn a_message_length_must_match_its_body() {
    let message = types::Message {
        msg_id: 1,
        seqno: 0,
        bytes: 8,
        body: RawObject(vec![0; 4]),
    };
    assert_eq!(
        message.to_bytes(),
        Err(EncodeError::LengthMismatch {
            definition: "message",
            field: "bytes"
        })
    );
    let mut lying = types::Message {
        bytes: 4,
        ..message
    }
    .to_bytes()
    .unwrap();
    lying[12] = 200;
    assert!(
        types::Message::from_bytes(&lying).is_err(),
        "a length past the input"
    );
    lying[12..16].copy_from_slice(&(-1i32).to_le_bytes());
    assert!(
        types::Message::from_bytes(&lying).is_err(),
        "a negative length"
    );
}

#[test]
fn service_functions_and_their_answers() {
    let ping = tl_types::mtproto::functions::Ping { ping_id: 42 };
    let bytes = ping.to_bytes().unwrap();
    assert_eq!(bytes[..4], 0x7abe77ecu32.to_le_bytes());
    let _: <tl_types::mtproto::functions::Ping as RemoteCall>::Return =
        enums::Pong::from(types::Pong {
            msg_id: 1,
            ping_id: 42,
        });
}

#[test]
fn gzip_packed_is_an_object_and_ids_written_by_tdesktop_win() {
    let packed = enums::Object::from(types::GzipPacked {
        packed_data: vec![0x1f, 0x8b],
    });
    assert_eq!(packed.constructor_id(), 0x3072cfa1);
    let secret = enums::IpPort::from(types::IpPortSecret {
        ipv4: 1,
        port: 443,
        secret: vec![1; 16],
    });
    assert_eq!(
        secret.constructor_id(),
        0x37982646,
        "the explicit id, not the computed one"
    );
}
