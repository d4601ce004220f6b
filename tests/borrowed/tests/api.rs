//! What a client writes with borrowed bindings: requests from `&str`s that
//! encode as the owned bindings' do, answers read without copying and kept
//! past their buffer with `into_owned`, and the MTProto envelope.

use std::borrow::Cow;
use tl_borrowed_bindings::{api, mtproto};
use tl_types::{BorrowDecode, Decode, Encode, IntoOwned, RawObject, RemoteCall};

#[test]
fn a_request_built_from_borrowed_text_encodes_as_the_owned_one() {
    let phone = String::from("+15550100");
    let borrowed = api::functions::auth::SendCode::new(
        phone.as_str(),
        372518,
        "0123456789abcdef0123456789abcdef",
        api::types::CodeSettings {
            current_number: true,
            ..Default::default()
        },
    );
    assert!(matches!(borrowed.phone_number, Cow::Borrowed(_)));
    let owned = tl_types::functions::auth::SendCode::new(
        phone.clone(),
        372518,
        "0123456789abcdef0123456789abcdef",
        tl_types::types::CodeSettings {
            current_number: true,
            ..Default::default()
        },
    );
    assert_eq!(borrowed.to_bytes().unwrap(), owned.to_bytes().unwrap());
    // A `String` is taken as it is.
    let from_string = api::functions::auth::SendCode::new(
        phone.clone(),
        372518,
        String::from("0123456789abcdef0123456789abcdef"),
        api::types::CodeSettings::default(),
    );
    assert!(matches!(from_string.phone_number, Cow::Owned(_)));
}

/// An answer read from a buffer that is then dropped: `into_owned` keeps it.
fn read_and_keep(bytes: Vec<u8>) -> api::enums::auth::SentCode<'static> {
    let borrowed = api::enums::auth::SentCode::borrow_from_bytes(&bytes).unwrap();
    borrowed.into_owned()
}

fn sent_code() -> tl_types::enums::auth::SentCode {
    tl_types::types::auth::SentCode {
        r#type: tl_types::types::auth::SentCodeTypeSms { length: 5 }.into(),
        phone_code_hash: "a1b2c3d4e5".into(),
        next_type: None,
        timeout: Some(60),
    }
    .into()
}

#[test]
fn an_answer_outlives_its_buffer_once_owned() {
    let bytes = sent_code().to_bytes().unwrap();
    let kept = read_and_keep(bytes.clone());
    let api::enums::auth::SentCode::SentCode(code) = &kept else {
        panic!("{kept:?}");
    };
    assert_eq!(code.phone_code_hash, "a1b2c3d4e5");
    assert!(matches!(code.phone_code_hash, Cow::Owned(_)));
    assert_eq!(kept.to_bytes().unwrap(), bytes);
}

#[test]
fn a_function_answer_type_is_the_owned_form() {
    type Answer = <api::functions::auth::SendCode<'static> as RemoteCall>::Return;
    let bytes = sent_code().to_bytes().unwrap();
    let answer: Answer = Decode::from_bytes(&bytes).unwrap();
    let _: api::enums::auth::SentCode<'static> = answer;
}

#[test]
fn a_generic_wrapper_carries_a_borrowed_call() {
    let query = api::functions::help::GetConfig;
    let call = api::functions::InvokeWithLayer {
        layer: api::LAYER,
        query: api::functions::InitConnection::<api::functions::help::GetConfig>::new(
            1, "device", "system", "app", "en", "", "en", query,
        ),
    };
    let bytes = call.to_bytes().unwrap();
    let owned = tl_types::functions::InvokeWithLayer {
        layer: tl_types::LAYER,
        query: tl_types::functions::InitConnection::<tl_types::functions::help::GetConfig>::new(
            1,
            "device",
            "system",
            "app",
            "en",
            "",
            "en",
            tl_types::functions::help::GetConfig,
        ),
    };
    assert_eq!(bytes, owned.to_bytes().unwrap());
    let api::AnyCall::InvokeWithLayer(decoded) = api::AnyCall::borrow_from_bytes(&bytes).unwrap()
    else {
        panic!("not invokeWithLayer");
    };
    let api::AnyCall::InitConnection(init) = decoded.query.into_inner() else {
        panic!("not initConnection");
    };
    assert!(matches!(init.device_model, Cow::Borrowed("device")));
    let kept: api::AnyCall<'static> = api::AnyCall::InitConnection(init).into_owned();
    assert_eq!(kept.tl_name(), "initConnection");
}

#[test]
fn an_rpc_result_in_a_container_is_read_in_place() {
    let answer = sent_code().to_bytes().unwrap();
    let result = mtproto::enums::RpcResult::from(mtproto::types::RpcResult {
        req_msg_id: 4,
        result: RawObject(answer.clone().into()),
    });
    let body = result.to_bytes().unwrap();
    let container = mtproto::enums::MessageContainer::from(mtproto::types::MsgContainer {
        messages: vec![mtproto::types::Message {
            msg_id: 1,
            seqno: 1,
            bytes: body.len() as i32,
            body: RawObject(body.clone().into()),
        }]
        .into(),
    });
    let bytes = container.to_bytes().unwrap();
    let owned = tl_types::mtproto::enums::MessageContainer::from_bytes(&bytes).unwrap();
    assert_eq!(owned.to_bytes().unwrap(), bytes);
    let mtproto::enums::MessageContainer::MsgContainer(read) =
        mtproto::enums::MessageContainer::borrow_from_bytes(&bytes).unwrap();
    // The message's body and the result in it are the input's bytes.
    assert!(matches!(read.messages[0].body.0, Cow::Borrowed(_)));
    let mtproto::enums::RpcResult::RpcResult(rpc) =
        mtproto::enums::RpcResult::borrow_from_bytes(&read.messages[0].body.0).unwrap();
    assert!(matches!(rpc.result.0, Cow::Borrowed(_)));
    let api::enums::auth::SentCode::SentCode(code) =
        api::enums::auth::SentCode::borrow_from_bytes(&rpc.result.0).unwrap()
    else {
        panic!("not auth.sentCode");
    };
    assert!(matches!(code.phone_code_hash, Cow::Borrowed("a1b2c3d4e5")));
}
