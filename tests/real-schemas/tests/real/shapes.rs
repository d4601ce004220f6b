//! What the real schemas need of the bindings, value by value: TON's `#`
//! fields as data, its `object`/`function` fields, tonlib's secure strings,
//! TDLib's nested bare vectors.

use tl_real_schemas::{lite_api, td_api, ton_api, tonlib_api};
use tl_types::{Decode, Encode, EncodeError};

fn le(value: u32) -> [u8; 4] {
    value.to_le_bytes()
}

#[test]
fn lookup_block_by_seqno_keeps_its_mode_bit() {
    // Bit 0 of `mode` means "by seqno" and gates no field.
    let request = lite_api::functions::lite_server::LookupBlock {
        mode_other_bits: 1,
        id: lite_api::types::ton_node::BlockId {
            workchain: -1,
            shard: i64::MIN,
            seqno: 34_567_890,
        },
        lt: None,
        utime: Some(1_700_000_000),
    };
    let bytes = request.to_bytes().unwrap();
    assert_eq!(bytes[..4], le(0xfac8f71e));
    assert_eq!(bytes[4..8], le(0b101), "bit 0 given, bit 2 from `utime`");
    let back = lite_api::functions::lite_server::LookupBlock::from_bytes(&bytes).unwrap();
    assert_eq!(back, request);
    // A bit that a field stands for is not the member's to set.
    let wrong = lite_api::functions::lite_server::LookupBlock {
        mode_other_bits: 0b11,
        ..request
    };
    assert_eq!(
        wrong.to_bytes(),
        Err(EncodeError::MaskBitsOfFields {
            definition: "liteServer.lookupBlock",
            mask: "mode",
            bits: 0b10
        })
    );
}

#[test]
fn a_count_that_gates_nothing_is_a_number() {
    let request = lite_api::functions::lite_server::GetTransactions {
        count: 16,
        account: lite_api::types::lite_server::AccountId {
            workchain: 0,
            id: [7; 32],
        },
        lt: 42,
        hash: [9; 32],
    };
    let bytes = request.to_bytes().unwrap();
    assert_eq!(bytes[4..8], le(16));
    assert_eq!(
        lite_api::functions::lite_server::GetTransactions::from_bytes(&bytes).unwrap(),
        request
    );
}

#[test]
fn secure_strings_carry_their_text() {
    let key = tonlib_api::types::ExportedKey {
        word_list: vec!["abandon".into(), "ability".into()],
    };
    let bytes = tonlib_api::enums::ExportedKey::from(key.clone())
        .to_bytes()
        .unwrap();
    // `vector<secureString>` is bare: the id, the count, then two strings of
    // 7 bytes (a length byte and the text: 8).
    assert_eq!(bytes.len(), 4 + 4 + 2 * 8);
    assert_eq!(bytes[4..8], le(2));
    assert_eq!(&bytes[8..16], b"\x07abandon");
    let back = tonlib_api::enums::ExportedKey::from_bytes(&bytes).unwrap();
    assert_eq!(tonlib_api::types::ExportedKey::from(back), key);
}

#[test]
fn nested_bare_vectors_are_counts_all_the_way_down() {
    let button = |text: &str| td_api::types::KeyboardButton {
        text: text.into(),
        icon_custom_emoji_id: 0,
        style: td_api::enums::ButtonStyle::Default,
        r#type: td_api::enums::KeyboardButtonType::Text,
    };
    let markup = td_api::types::ReplyMarkupShowKeyboard {
        rows: vec![vec![button("a"), button("b")], vec![]],
        is_persistent: false,
        resize_keyboard: true,
        one_time: false,
        is_personal: false,
        input_field_placeholder: String::new(),
    };
    let bytes = td_api::enums::ReplyMarkup::from(markup.clone())
        .to_bytes()
        .unwrap();
    // After the id: 2 rows (no vector id), 2 buttons (no vector id, no button
    // ids: `keyboardButton` is bare), each its text "a" and a long.
    assert_eq!(bytes[4..8], le(2));
    assert_eq!(bytes[8..12], le(2));
    assert_eq!(bytes[12..16], [1, b'a', 0, 0]);
    let back = td_api::enums::ReplyMarkup::from_bytes(&bytes).unwrap();
    assert_eq!(back, td_api::enums::ReplyMarkup::from(markup));
}

#[test]
fn object_and_function_fields_hold_any_value_and_any_call() {
    let test = ton_api::types::TestObject {
        value: 5,
        o: Box::new(ton_api::AnyValue::Bool(true)),
        f: Box::new(ton_api::AnyCall::TonNodeGetCapabilities(
            ton_api::functions::ton_node::GetCapabilities,
        )),
    };
    let value = ton_api::enums::TestObject::from(test);
    let bytes = value.to_bytes().unwrap();
    assert_eq!(bytes[8..12], le(0x997275b5), "boolTrue, boxed");
    assert_eq!(
        ton_api::enums::TestObject::from_bytes(&bytes).unwrap(),
        value
    );
}
