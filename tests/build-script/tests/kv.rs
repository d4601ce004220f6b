//! The generated bindings of a schema that is not Telegram's: they compile,
//! and they encode and decode as the wire format says.

use tl_build_script_example::kv::{AnyCall, AnyObject, enums, functions, types};
use tl_types::{Decode, Encode, EncodeError, RemoteCall};

fn entry(key: &str) -> types::kv::Entry {
    types::kv::Entry {
        key: key.into(),
        value: vec![1, 2, 3],
    }
}

fn round_trip<T: Encode + Decode + PartialEq + std::fmt::Debug>(value: &T) -> Vec<u8> {
    let bytes = value.to_bytes().unwrap();
    assert_eq!(&T::from_bytes(&bytes).unwrap(), value);
    bytes
}

#[test]
fn keywords_as_field_names_and_two_masks() {
    let node = types::kv::Node {
        flags_other_bits: 0,
        r#type: Some("dir".into()),
        self_: true,
        flags2_other_bits: 0,
        ttl_and_expires: Some((60, 1_700_000_000)),
        children: Some(vec![enums::kv::Node::Empty]),
    };
    assert!(node.r#loop(), "`loop` shares bit 2 with `children`");
    let bytes = round_trip(&enums::kv::Node::from(node.clone()));
    // id, flags (bits 0, 1, 2), type, children..., flags2 (bit 0), ttl, expires
    assert_eq!(bytes[4..8], [0b111, 0, 0, 0]);
    let no_loop = types::kv::Node {
        children: None,
        ..node.clone()
    };
    assert!(!no_loop.r#loop());
    round_trip(&no_loop);
}

#[test]
fn mask_bits_that_no_field_stands_for_are_kept() {
    // A schema that computes its ids, as TON's do, keeps the bits of a mask
    // that no field stands for: they mean something of their own.
    let mut bytes = 0x43cf068c_u32.to_le_bytes().to_vec(); // option
    bytes.extend(0b1000_0001_u32.to_le_bytes()); // bit 0 (`some`) and bit 7
    bytes.extend(3_i32.to_le_bytes());
    let option = enums::Option::from_bytes(&bytes).unwrap();
    let enums::Option::Option(value) = &option;
    assert_eq!(value.flags_other_bits, 0b1000_0000);
    assert_eq!(value.some, Some(3));
    assert_eq!(option.to_bytes().unwrap(), bytes);
    assert_eq!(
        serde_json::to_string(&option).unwrap(),
        r#"{"_":"option","flags":129,"some":3}"#
    );
    let back: enums::Option =
        serde_json::from_str(r#"{"_":"option","flags":129,"some":3}"#).unwrap();
    assert_eq!(back, option);
    // Bits that fields stand for follow the fields, in JSON as the spec says...
    let derived: enums::Option = serde_json::from_str(r#"{"_":"option","flags":1}"#).unwrap();
    assert_eq!(
        derived.to_bytes().unwrap(),
        [0x8c, 0x06, 0xcf, 0x43, 0, 0, 0, 0]
    );
    // ...and setting one in the member is an encoding error, not a silent fix.
    let wrong = types::Option {
        flags_other_bits: 1,
        some: None,
    };
    assert_eq!(
        wrong.to_bytes(),
        Err(EncodeError::MaskBitsOfFields {
            definition: "option",
            mask: "flags",
            bits: 1
        })
    );
}

#[test]
fn two_values_on_one_bit_are_one_option() {
    // `ttl` and `expires` share bit 0 of `flags2`: one cannot be written
    // without the other, and TL-JSON that gives one alone is refused.
    let node = types::kv::Node {
        ttl_and_expires: Some((60, 1_700_000_000)),
        ..Default::default()
    };
    let bytes = round_trip(&node);
    assert_eq!(bytes[4..8], [1, 0, 0, 0], "flags2 bit 0");
    let json = serde_json::json!({"_": "kv.node", "ttl": 60});
    let error = serde_json::from_value::<types::kv::Node>(json).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`ttl`, `expires` share the bit flags2.0"),
        "{error}"
    );
}

#[test]
fn bare_constructors_and_bare_vectors_have_no_ids() {
    let entries = types::kv::Entries {
        entries: vec![entry("a"), entry("b")],
    };
    let bytes = round_trip(&entries);
    assert_eq!(
        bytes[..4],
        [2, 0, 0, 0],
        "a bare vector starts with its count"
    );
    let leaf = types::kv::Leaf {
        entry: entry("k"),
        hash: [7; 16],
    };
    let bytes = round_trip(&leaf);
    assert_eq!(
        bytes[0], 1,
        "the bare %kv.Entry starts with the key's length byte"
    );
}

#[test]
fn recursion_is_boxed_and_works() {
    let tree = enums::Tree::from(types::tree::Branch {
        left: types::tree::Leaf {
            value: -1,
            weight: 0.5,
        }
        .into(),
        right: types::tree::Leaf {
            value: i64::MAX,
            weight: f64::INFINITY,
        }
        .into(),
    });
    round_trip(&tree);
    assert!(std::mem::size_of::<enums::Tree>() <= 24);
}

#[test]
fn names_that_shadow_the_prelude() {
    let option = enums::Option::from(types::Option {
        flags_other_bits: 0,
        some: Some(3),
    });
    round_trip(&option);
    let none = types::Option {
        flags_other_bits: 0,
        some: None,
    };
    assert_eq!(none.to_bytes().unwrap(), [0, 0, 0, 0]);
}

#[test]
fn generic_functions_return_what_they_wrap() {
    let call = functions::InvokeWithTimeout {
        timeout: 5,
        query: functions::kv::Get { key: "x".into() },
    };
    fn answer_of<F: RemoteCall>(_: &F) -> &'static str {
        std::any::type_name::<F::Return>()
    }
    assert!(answer_of(&call).ends_with("enums::kv::Node"));
    let bytes = round_trip(&call);
    let any = AnyObject::from_bytes(&bytes).unwrap();
    assert_eq!(any.tl_name(), "invokeWithTimeout");
    let AnyObject::Call(AnyCall::InvokeWithTimeout(wrapped)) = any else {
        panic!("not a call");
    };
    assert_eq!(wrapped.query.tl_name(), "kv.get");
}

#[test]
fn functions_returning_bool_and_vectors() {
    let put = functions::kv::Put {
        flags_other_bits: 0,
        entry: entry("k").into(),
        sync: true,
    };
    let _: <functions::kv::Put as RemoteCall>::Return = true;
    let _: <functions::kv::List as RemoteCall>::Return = vec![enums::kv::Entry::from(entry("z"))];
    round_trip(&put);
}

#[test]
fn tl_json_through_serde() {
    let node = enums::kv::Node::from(types::kv::Node {
        flags_other_bits: 0,
        r#type: Some("dir".into()),
        self_: false,
        flags2_other_bits: 0,
        ttl_and_expires: None,
        children: Some(vec![enums::kv::Node::Empty]),
    });
    let json = serde_json::to_string(&node).unwrap();
    assert_eq!(
        json,
        r#"{"_":"kv.node","type":"dir","self":false,"loop":true,"children":[{"_":"kv.empty"}]}"#
    );
    let back: enums::kv::Node = serde_json::from_str(&json).unwrap();
    assert_eq!(back, node);

    let error = serde_json::from_str::<enums::kv::Node>(
        r#"{"children":[{"_":"kv.leaf","entry":{"_":"kv.entry","key":"k","value":"!!"},"hash":"00"}],"_":"kv.node"}"#,
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("at .children[0].entry.value: malformed base64"),
        "{error}"
    );

    let inconsistent = r#"{"_":"kv.node","loop":false,"children":[]}"#;
    let error = serde_json::from_str::<enums::kv::Node>(inconsistent).unwrap_err();
    assert!(error.to_string().contains("`loop` must be true"), "{error}");

    let call = functions::InvokeWithTimeout {
        timeout: 5,
        query: functions::kv::Get { key: "x".into() },
    };
    let json = serde_json::to_value(&call).unwrap();
    assert_eq!(json["query"]["_"], "kv.get");
    let any: AnyObject = serde_json::from_value(json).unwrap();
    assert_eq!(any.to_bytes().unwrap(), call.to_bytes().unwrap());
}

#[test]
fn an_object_field_shows_an_object_of_these_bindings() {
    // The runtime knows no bindings: the generated code says the `Object`
    // field's objects are these bindings' own.
    let entry = enums::kv::Entry::from(entry("k"));
    let envelope = types::kv::Envelope::new(7, tl_types::RawObject(entry.to_bytes().unwrap()));
    let json = serde_json::to_value(&envelope).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "_": "kv.envelope",
            "sent": "7",
            "payload": {"_": "kv.entry", "key": "k", "value": "AQID"}
        })
    );
    let back: types::kv::Envelope = serde_json::from_value(json).unwrap();
    assert_eq!(back, envelope);

    // Bytes these bindings cannot read stay base64, and read back the same.
    let opaque = types::kv::Envelope::new(7, tl_types::RawObject(vec![1, 2, 3, 4]));
    let json = serde_json::to_value(&opaque).unwrap();
    assert_eq!(json["payload"], "AQIDBA==");
    assert_eq!(
        serde_json::from_value::<types::kv::Envelope>(json).unwrap(),
        opaque
    );

    // An object these bindings do not know is an error at its place.
    let unknown =
        serde_json::json!({"_": "kv.envelope", "sent": "7", "payload": {"_": "rpc_error"}});
    let error = serde_json::from_value::<types::kv::Envelope>(unknown).unwrap_err();
    assert!(error.to_string().contains("at .payload._"), "{error}");
}
