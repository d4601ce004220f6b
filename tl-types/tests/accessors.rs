//! What every (or most) constructors of a type have is read from the enum
//! without a `match`: `enums::User::id()`, `enums::Message::date()`.
#![cfg(feature = "api")]

use tl_types::{enums, types};

#[test]
fn a_field_every_constructor_has_is_read_as_it_is() {
    let empty: enums::User = types::UserEmpty::new(7).into();
    let mut full = types::User::new(8);
    full.first_name = Some("Ann".into());
    let full: enums::User = full.into();
    assert_eq!((empty.id(), full.id()), (7, 8));

    let messages: [enums::Message; 3] = [
        types::MessageEmpty::new(1).into(),
        types::Message::new(2, types::PeerUser::new(10), 1_700_000_000, "hello").into(),
        types::MessageService::new(
            3,
            types::PeerChat::new(20),
            1_700_000_001,
            types::MessageActionChatCreate::new("group", vec![10]),
        )
        .into(),
    ];
    let ids: Vec<i32> = messages.iter().map(enums::Message::id).collect();
    assert_eq!(ids, [1, 2, 3]);
}

#[test]
fn a_field_some_constructor_lacks_or_leaves_out_is_an_option() {
    let mut empty = types::MessageEmpty::new(1);
    let message: enums::Message =
        types::Message::new(2, types::PeerUser::new(10), 1_700_000_000, "hello").into();
    // `date` is not in `messageEmpty` at all; `peer_id` is optional there.
    assert_eq!(enums::Message::from(empty.clone()).date(), None);
    assert_eq!(message.date(), Some(1_700_000_000));
    assert_eq!(enums::Message::from(empty.clone()).peer_id(), None);
    empty.peer_id = Some(types::PeerChannel::new(5).into());
    assert_eq!(
        enums::Message::from(empty).peer_id(),
        Some(&types::PeerChannel::new(5).into())
    );
    assert_eq!(message.peer_id(), Some(&types::PeerUser::new(10).into()));
}
