//! Schemas used together may reuse names (Telegram's API and the MTProto
//! service schema both have `message` and `Message`): a name written in a
//! definition means its own schema's first.

use serde_json::json;

fn codec() -> tl_json::Codec {
    let first = tl_parser::parse(
        "item#11111111 number:int = Item;\n\
         holder#22222222 item:Item = Holder;\n\
         bare_holder#33333333 item:item = BareHolder;",
    )
    .unwrap();
    let second = tl_parser::parse(
        "item#44444444 text:string = Item;\n\
         wrapper#55555555 item:Item = Wrapper;\n\
         bare_wrapper#66666666 item:item = BareWrapper;",
    )
    .unwrap();
    tl_json::Codec::new(&[first, second])
}

fn words(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

#[test]
fn a_boxed_type_means_the_one_of_the_same_schema() {
    let codec = codec();
    let wrapper = json!({"_": "wrapper", "item": {"_": "item", "text": "hi"}});
    let bytes = codec.encode(&wrapper).unwrap();
    assert_eq!(bytes, words(&[0x55555555, 0x44444444, 0x00696802]));
    assert_eq!(codec.decode(&bytes).unwrap(), wrapper);

    let holder = json!({"_": "holder", "item": {"_": "item", "number": 7}});
    let bytes = codec.encode(&holder).unwrap();
    assert_eq!(bytes, words(&[0x22222222, 0x11111111, 7]));
    assert_eq!(codec.decode(&bytes).unwrap(), holder);

    // The other schema's `item` is not an `Item` here.
    let crossed = words(&[0x55555555, 0x11111111, 7]);
    let error = codec.decode(&crossed).unwrap_err();
    assert_eq!(
        error.to_string(),
        "at byte 4: constructor id 11111111 is not a constructor of Item"
    );
}

#[test]
fn a_bare_constructor_means_the_one_of_the_same_schema() {
    let codec = codec();
    let bare = json!({"_": "bare_wrapper", "item": {"_": "item", "text": "hi"}});
    let bytes = codec.encode(&bare).unwrap();
    assert_eq!(bytes, words(&[0x66666666, 0x00696802]));
    assert_eq!(codec.decode(&bytes).unwrap(), bare);

    let bare = json!({"_": "bare_holder", "item": {"_": "item", "number": 7}});
    let bytes = codec.encode(&bare).unwrap();
    assert_eq!(bytes, words(&[0x33333333, 7]));
    assert_eq!(codec.decode(&bytes).unwrap(), bare);
}

#[test]
fn a_name_on_its_own_means_the_first_schema_s() {
    let codec = codec();
    let bytes = codec.encode(&json!({"_": "item", "number": 1})).unwrap();
    assert_eq!(bytes, words(&[0x11111111, 1]));
    // By id, both are found.
    assert_eq!(
        codec.decode(&words(&[0x44444444, 0])).unwrap(),
        json!({"_": "item", "text": ""})
    );
}
