//! The first thing a client does: send `auth.sendCode` and read the
//! `auth.sentCode` answer. The expected bytes were made by gramjs, an
//! independent implementation (`tests/corpus/seed.json`, see its README).

#[path = "support/seed_corpus.rs"]
mod seed_corpus;

use seed_corpus::seed_bytes;
use tl_types::{Decode, Encode, RemoteCall, enums, functions, types};

fn no_settings() -> types::CodeSettings {
    types::CodeSettings {
        allow_flashcall: false,
        current_number: false,
        allow_app_hash: false,
        allow_missed_call: false,
        allow_firebase: false,
        unknown_number: false,
        logout_tokens: None,
        token_and_app_sandbox: None,
    }
}

fn send_code() -> functions::auth::SendCode {
    functions::auth::SendCode {
        phone_number: "+15550100".into(),
        api_id: 372518,
        api_hash: "0123456789abcdef0123456789abcdef".into(),
        settings: no_settings().into(),
    }
}

#[test]
fn send_code_serialises_to_the_bytes_gramjs_writes() {
    let bytes = send_code().to_bytes().unwrap();
    assert_eq!(
        bytes[..4],
        [0x4f, 0x24, 0x77, 0xa6],
        "id a677244f, little-endian"
    );
    assert_eq!(bytes, seed_bytes("auth.sendCode"));
    assert_eq!(send_code().encoded_len().unwrap(), bytes.len());
}

#[test]
fn functions_decode_too() {
    let bytes = seed_bytes("auth.sendCode");
    assert_eq!(
        functions::auth::SendCode::from_bytes(&bytes).unwrap(),
        send_code()
    );
}

#[test]
fn the_answer_decodes_through_the_return_type() {
    type Answer = <functions::auth::SendCode as RemoteCall>::Return;
    let answer = Answer::from_bytes(&seed_bytes("auth.sentCode")).unwrap();
    let expected = enums::auth::SentCode::from(types::auth::SentCode {
        r#type: types::auth::SentCodeTypeSms { length: 5 }.into(),
        phone_code_hash: "2dc02d2cda9e615c84".into(),
        next_type: None,
        timeout: Some(120),
    });
    assert_eq!(answer, expected);
    assert_eq!(answer.constructor_id(), 0x5e002502);
    assert_eq!(answer.to_bytes().unwrap(), seed_bytes("auth.sentCode"));
    let sent: types::auth::SentCode = answer.try_into().unwrap();
    assert_eq!(sent.timeout, Some(120));
}

#[test]
fn every_truncation_of_the_answer_is_an_error() {
    let bytes = seed_bytes("auth.sentCode");
    for len in 0..bytes.len() {
        let error = enums::auth::SentCode::from_bytes(&bytes[..len]).unwrap_err();
        assert!(error.offset() <= len, "{error}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    let error = enums::auth::SentCode::from_bytes(&longer).unwrap_err();
    assert_eq!(
        *error.kind(),
        tl_types::DecodeErrorKind::TrailingBytes { count: 1 }
    );
    assert_eq!(error.offset(), bytes.len());
}

#[test]
fn layer_is_229() {
    assert_eq!(tl_types::LAYER, 229);
}
