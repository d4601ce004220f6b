//! Code written against the layer-229 bindings in the recommended style
//! compiles unchanged against bindings generated from layer 230, which added
//! optional fields (`layer_bump_client.rs`, included once for each layer),
//! and what it builds means the same on both.

use tl_types::{Decode, Encode};

mod layer_229 {
    use tl_types as api;
    include!("layer_bump_client.rs");
}

mod layer_230 {
    use tl_real_schemas::telegram_230_api as api;
    include!("layer_bump_client.rs");
}

fn round_trips<T: Encode + Decode + PartialEq + std::fmt::Debug>(value: T) -> Vec<u8> {
    let bytes = value.to_bytes().unwrap();
    assert_eq!(T::from_bytes(&bytes).unwrap(), value);
    bytes
}

#[test]
fn the_same_client_code_builds_the_same_values_on_both_layers() {
    // Where the wire did not change, the bytes are the same.
    assert_eq!(
        round_trips(layer_229::username()),
        round_trips(layer_230::username())
    );
    assert_eq!(
        round_trips(layer_229::send_code()),
        round_trips(layer_230::send_code())
    );
    // Where 230 added a mask, its bytes are 229's with an empty mask after the id.
    for (old, new) in [
        (
            round_trips(layer_229::check_username()),
            round_trips(layer_230::check_username()),
        ),
        (
            round_trips(layer_229::init_firebase_login()),
            round_trips(layer_230::init_firebase_login()),
        ),
    ] {
        assert_eq!(new.len(), old.len() + 4);
        assert_eq!(new[4..8], [0, 0, 0, 0]);
        assert_eq!(new[8..], old[4..]);
    }
    // And the new optional fields start absent.
    let username = layer_230::username();
    assert!(username.active && !username.deletable && !username.expired);
    assert_eq!(layer_230::init_firebase_login().except_ids, None);
}
