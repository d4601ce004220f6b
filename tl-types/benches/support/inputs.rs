//! The inputs of `BENCHMARKS.md`, built here as the bytes tl-types writes
//! for them: the `inputs` and `in_turn` benchmarks' (see `inputs.rs` for
//! what each one is).

use tl_types::{enums, types};

/// `bytes` read by both crates, after checking that each writes them back
/// unchanged: the two values then do the same work when timed.
pub fn read_by_both<Ours, Peer>(name: &str, bytes: &[u8]) -> (Ours, Peer)
where
    Ours: tl_types::Decode + tl_types::Encode,
    Peer: grammers_tl_types::Deserializable + grammers_tl_types::Serializable,
{
    let ours = Ours::from_bytes(bytes).expect("tl_types decodes the input");
    let peer = Peer::from_bytes(bytes).expect("grammers decodes the input");
    assert_eq!(
        ours.to_bytes().unwrap(),
        bytes,
        "tl_types re-encodes {name}"
    );
    assert_eq!(peer.to_bytes(), bytes, "grammers re-encodes {name}");
    (ours, peer)
}

/// A boxed `inputPeerUser` (20 bytes).
pub fn input_peer() -> Vec<u8> {
    let peer: enums::InputPeer =
        types::InputPeerUser::new(777_000_123, -4_211_222_333_444_555).into();
    tl_types::Encode::to_bytes(&peer).unwrap()
}

/// `upload.file` holding 512 KiB of data (524,300 bytes).
pub fn file_part() -> Vec<u8> {
    let data: Vec<u8> = (0..512 * 1024).map(|i| (i * 7 % 251) as u8).collect();
    let part: enums::upload::File =
        types::upload::File::new(types::storage::FileJpeg, 1_700_000_000, data).into();
    tl_types::Encode::to_bytes(&part).unwrap()
}

/// `auth.sentCode` with `auth.sentCodeTypeSms` (44 bytes).
pub fn sent_code() -> Vec<u8> {
    let sent: enums::auth::SentCode =
        types::auth::SentCode::new(types::auth::SentCodeTypeSms::new(5), "8c4f0f3b6c1b2a5d9e")
            .into();
    tl_types::Encode::to_bytes(&sent).unwrap()
}

/// A text of about 200 characters, different for each message.
fn text(i: usize) -> String {
    let words = [
        "the",
        "channel",
        "posted",
        "an",
        "update",
        "about",
        "layer",
        "schema",
        "release",
        "notes",
        "with",
        "links",
        "and",
        "photos",
        "from",
        "yesterday's",
        "meeting",
    ];
    let mut text = String::new();
    let mut k = i;
    while text.len() < 190 {
        text.push_str(words[k % words.len()]);
        text.push(' ');
        k = k * 7 + 3;
    }
    text.push_str(&format!("#{i}"));
    text
}

fn photo(i: usize) -> enums::MessageMedia {
    let sizes: Vec<enums::PhotoSize> = vec![
        types::PhotoSize::new("m", 320, 240, 14_000 + i as i32).into(),
        types::PhotoSize::new("x", 800, 600, 61_000 + i as i32).into(),
    ];
    let photo = types::Photo::new(
        5_000_000_000 + i as i64,
        -77_000_000 - i as i64,
        vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        1_700_000_000 + i as i32,
        sizes,
        2,
    );
    types::MessageMediaPhoto {
        photo: Some(photo.into()),
        ..Default::default()
    }
    .into()
}

fn message(i: usize) -> enums::Message {
    let mut message = types::Message::new(
        10_000 + i as i32,
        types::PeerChannel::new(1_500_000_000),
        1_700_000_000 + i as i32 * 60,
        text(i),
    );
    message.from_id = Some(types::PeerUser::new(100 + (i % 20) as i64).into());
    message.entities = Some(vec![
        types::MessageEntityBold::new(0, 3).into(),
        types::MessageEntityUrl::new(20, 12).into(),
        types::MessageEntityItalic::new(40, 7).into(),
    ]);
    if i % 3 == 0 {
        message.reply_to = Some(
            types::MessageReplyHeader {
                reply_to_msg_id: Some(10_000 + i as i32 - 1),
                ..Default::default()
            }
            .into(),
        );
    }
    if i % 4 == 0 {
        message.media = Some(photo(i));
    }
    message.views_and_forwards = Some((1_000 + i as i32, i as i32 % 7));
    message.edit_date = (i % 5 == 0).then_some(1_700_100_000);
    message.into()
}

fn user(i: usize) -> enums::User {
    let mut user = types::User::new(100 + i as i64);
    user.access_hash = Some(-9_000_000_000 - i as i64);
    user.first_name = Some(format!("User {i}"));
    user.last_name = Some("Example".to_owned());
    user.username = Some(format!("user_{i}"));
    user.photo = Some(types::UserProfilePhoto::new(4_000_000 + i as i64, 2).into());
    user.status = Some(types::UserStatusRecently::default().into());
    user.into()
}

fn channel(i: usize) -> enums::Chat {
    let mut channel = types::Channel::new(
        1_500_000_000 + i as i64,
        format!("Channel number {i}"),
        types::ChatPhoto::new(3_000_000 + i as i64, 2),
        1_600_000_000,
    );
    channel.access_hash = Some(-8_000_000_000 - i as i64);
    channel.username = Some(format!("channel_{i}"));
    channel.broadcast = true;
    channel.participants_count = Some(12_345);
    channel.into()
}

/// `messages.channelMessages` with 100 messages, 20 users and 20 channels
/// (about 40 KB).
pub fn history() -> Vec<u8> {
    let history: enums::messages::Messages = types::messages::ChannelMessages::new(
        123_456,
        100_000,
        (0..100).map(message).collect::<Vec<_>>(),
        Vec::new(),
        (0..20).map(channel).collect::<Vec<_>>(),
        (0..20).map(user).collect::<Vec<_>>(),
    )
    .into();
    tl_types::Encode::to_bytes(&history).unwrap()
}

/// A boxed `Vector<long>` of 10,000 items (80,008 bytes).
pub fn vector_long() -> Vec<u8> {
    let values: Vec<i64> = (0..10_000).map(|i| i * 1_000_003 - 5_000_000_000).collect();
    tl_types::Encode::to_bytes(&values).unwrap()
}

/// A boxed `Vector<int>` of 20,000 items: the same 80,008 bytes as
/// [`vector_long`], in elements half as large.
pub fn vector_int() -> Vec<u8> {
    let values: Vec<i32> = (0..20_000).map(|i: i32| i.wrapping_mul(100_003)).collect();
    tl_types::Encode::to_bytes(&values).unwrap()
}

/// A boxed `Vector<int128>` of 5,000 items (nonces, as `[u8; 16]`): again
/// 80,008 bytes.
pub fn vector_int128() -> Vec<u8> {
    let values: Vec<[u8; 16]> = (0..5_000u128)
        .map(|i| {
            i.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835)
                .to_le_bytes()
        })
        .collect();
    tl_types::Encode::to_bytes(&values).unwrap()
}
