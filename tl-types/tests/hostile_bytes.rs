//! Malformed and hostile bytes: an error that says what and where, never a
//! panic, a stack overflow or an allocation out of proportion to the input.

use tl_types::{Decode, DecodeErrorKind, Encode, EncodeError, Reader, enums, types};

const TEXT_BOLD: u32 = 0x6724abc4;
const TEXT_EMPTY: u32 = 0xdc3d824f;
const VECTOR: u32 = 0x1cb5c415;

fn words(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

#[test]
fn a_million_nested_bold_texts_is_a_nesting_error() {
    let mut bytes = Vec::with_capacity(4_000_004);
    for _ in 0..1_000_000 {
        bytes.extend(TEXT_BOLD.to_le_bytes());
    }
    bytes.extend(TEXT_EMPTY.to_le_bytes());
    let error = enums::RichText::from_bytes(&bytes).unwrap_err();
    assert_eq!(*error.kind(), DecodeErrorKind::NestingTooDeep { limit: 64 });
    assert_eq!(error.offset(), 64 * 4);
}

#[test]
fn nesting_just_inside_the_limit_decodes_and_drops() {
    let limit = tl_types::DEFAULT_MAX_DEPTH as usize;
    let mut bytes = words(&vec![TEXT_BOLD; limit - 1]);
    bytes.extend(TEXT_EMPTY.to_le_bytes());
    let text = enums::RichText::from_bytes(&bytes).unwrap();
    assert_eq!(text.to_bytes().unwrap(), bytes);

    let mut deeper = words(&vec![TEXT_BOLD; limit]);
    deeper.extend(TEXT_EMPTY.to_le_bytes());
    assert!(enums::RichText::from_bytes(&deeper).is_err());
    let mut reader = Reader::new(&deeper).with_max_depth(limit as u32 + 1);
    assert!(enums::RichText::decode(&mut reader).is_ok());
}

#[test]
fn wrong_constructor_ids_name_the_expected_type() {
    let error = enums::RichText::from_bytes(&words(&[0xdeadbeef])).unwrap_err();
    assert_eq!(
        *error.kind(),
        DecodeErrorKind::UnexpectedConstructor {
            id: 0xdeadbeef,
            expected: "RichText"
        }
    );
    assert_eq!(error.offset(), 0);
    assert_eq!(
        error.to_string(),
        "at byte 0: constructor id deadbeef is not a constructor of RichText"
    );
    let error = enums::RichText::from_bytes(&words(&[TEXT_BOLD, TEXT_BOLD, 7])).unwrap_err();
    assert_eq!(error.offset(), 8);
}

#[test]
fn a_vector_count_of_two_to_the_31_is_refused_before_allocating() {
    // textConcat texts:Vector<RichText> with a count of i32::MAX and no elements.
    let bytes = words(&[0x7e6260d7, VECTOR, i32::MAX as u32]);
    let error = enums::RichText::from_bytes(&bytes).unwrap_err();
    assert!(
        matches!(*error.kind(), DecodeErrorKind::LengthOutOfRange { length, remaining: 0 } if length == i32::MAX as u64),
        "{error}"
    );
    let negative = words(&[0x7e6260d7, VECTOR, u32::MAX]);
    let error = enums::RichText::from_bytes(&negative).unwrap_err();
    assert_eq!(*error.kind(), DecodeErrorKind::NegativeCount(-1));
    assert_eq!(error.offset(), 8);
}

#[test]
fn a_vector_count_is_checked_against_the_input_left() {
    // textConcat texts:Vector<RichText> announcing `count` texts, with
    // `present` textEmpty (4 bytes each, the smallest an element can be).
    let concat = |count: u32, present: usize| {
        let mut ids = vec![0x7e6260d7, VECTOR, count];
        ids.extend(std::iter::repeat_n(TEXT_EMPTY, present));
        words(&ids)
    };
    let inside = enums::RichText::from_bytes(&concat(3, 3)).unwrap();
    assert_eq!(inside.to_bytes().unwrap(), concat(3, 3));
    let error = enums::RichText::from_bytes(&concat(4, 3)).unwrap_err();
    assert_eq!(
        *error.kind(),
        DecodeErrorKind::LengthOutOfRange {
            length: 4,
            remaining: 12
        }
    );
    assert_eq!(error.offset(), 8);
}

#[test]
fn trailing_bytes_are_refused_by_from_bytes_and_left_by_decode() {
    let mut bytes = words(&[TEXT_EMPTY]);
    assert!(enums::RichText::from_bytes(&bytes).is_ok());
    bytes.push(0);
    let error = enums::RichText::from_bytes(&bytes).unwrap_err();
    assert_eq!(*error.kind(), DecodeErrorKind::TrailingBytes { count: 1 });
    assert_eq!(error.offset(), 4);
    // A stream of values: decode reads one and leaves the rest.
    let mut reader = Reader::new(&bytes);
    assert!(enums::RichText::decode(&mut reader).is_ok());
    assert_eq!(reader.remaining(), 1);
}

#[test]
fn a_huge_string_length_is_refused() {
    // textPlain text:string with a long-form length of 16 MiB - 1 and 3 bytes of data.
    let mut bytes = words(&[0x744694e0]);
    bytes.extend([0xfe, 0xff, 0xff, 0xff, b'a', b'b', b'c']);
    let error = enums::RichText::from_bytes(&bytes).unwrap_err();
    assert_eq!(
        *error.kind(),
        DecodeErrorKind::LengthOutOfRange {
            length: 0xff_ffff,
            remaining: 3
        }
    );
}

#[test]
fn non_canonical_strings_are_refused() {
    let plain = |string: &[u8]| {
        let mut bytes = words(&[0x744694e0]);
        bytes.extend(string);
        enums::RichText::from_bytes(&bytes)
    };
    assert!(plain(&[3, b'a', b'b', b'c']).is_ok());
    let error = plain(&[3, b'a', b'b', b'c', 0, 0, 0, 0][..4])
        .map(|_| ())
        .err();
    assert_eq!(error, None);
    let error = plain(&[2, b'a', b'b', 1]).unwrap_err();
    assert_eq!(*error.kind(), DecodeErrorKind::NonZeroPadding);
    assert_eq!(error.offset(), 7);
    let error = plain(&[0xfe, 3, 0, 0, b'a', b'b', b'c', 0]).unwrap_err();
    assert_eq!(*error.kind(), DecodeErrorKind::NonCanonicalLength);
    let error = plain(&[0xff, 0, 0, 0]).unwrap_err();
    assert_eq!(*error.kind(), DecodeErrorKind::NonCanonicalLength);
}

#[test]
fn strings_at_the_length_limits() {
    for len in [0usize, 1, 2, 3, 4, 253, 254, 255, 256, 1000] {
        let text = types::TextPlain {
            text: "x".repeat(len),
        };
        let bytes = text.to_bytes().unwrap();
        assert_eq!(bytes.len() % 4, 0, "{len}");
        let header = if len <= 253 { 1 } else { 4 };
        assert_eq!(bytes.len(), (header + len).div_ceil(4) * 4, "{len}");
        assert_eq!(types::TextPlain::from_bytes(&bytes).unwrap(), text);
    }
    let largest = types::TextPlain {
        text: "x".repeat(0xff_ffff),
    };
    let bytes = largest.to_bytes().unwrap();
    assert_eq!(&bytes[..4], &[0xfe, 0xff, 0xff, 0xff]);
    assert_eq!(types::TextPlain::from_bytes(&bytes).unwrap(), largest);
    let too_long = types::TextPlain {
        text: "x".repeat(0xff_ffff + 1),
    };
    assert_eq!(
        too_long.to_bytes(),
        Err(EncodeError::TooLong { length: 0x100_0000 })
    );
    let far_too_long = vec![0u8; 16 * 1024 * 1024 + 8];
    assert_eq!(
        far_too_long.to_bytes(),
        Err(EncodeError::TooLong {
            length: 16 * 1024 * 1024 + 8
        })
    );
}

#[test]
fn a_true_flag_sharing_its_bit_with_a_value_cannot_disagree_with_it() {
    // messageReplies comments:flags.0?true channel_id:flags.0?long: `comments`
    // is not stored; it is whether `channel_id` is present.
    let replies = types::MessageReplies {
        replies: 1,
        replies_pts: 2,
        recent_repliers: None,
        channel_id: None,
        max_id: None,
        read_max_id: None,
    };
    assert!(!replies.comments());
    let bytes = enums::MessageReplies::from(replies.clone())
        .to_bytes()
        .unwrap();
    let back: types::MessageReplies = enums::MessageReplies::from_bytes(&bytes).unwrap().into();
    assert_eq!(back, replies);
    let with_channel = types::MessageReplies {
        channel_id: Some(-5),
        ..replies
    };
    assert!(with_channel.comments());
    let bytes = with_channel.to_bytes().unwrap();
    assert_eq!(bytes[..4], [1, 0, 0, 0], "bit 0 set once for both");
}

#[test]
fn the_first_value_that_cannot_be_encoded_is_the_error() {
    // phone_number is written before api_hash: its error is the one reported.
    let request = tl_types::functions::auth::SendCode::new(
        "1".repeat(0x100_0000),
        1,
        "h".repeat(0x100_0001),
        types::CodeSettings::default(),
    );
    let too_long = EncodeError::TooLong { length: 0x100_0000 };
    assert_eq!(request.to_bytes(), Err(too_long.clone()));
    assert_eq!(request.encoded_len(), Err(too_long.clone()));

    // One writer over several values reports the first error among them all.
    let fine = enums::CodeSettings::from(types::CodeSettings::default());
    let mut sink = Vec::new();
    let mut out = tl_types::Writer::new(&mut sink);
    out.write(&fine);
    out.write(&request);
    out.write(&fine);
    assert_eq!(out.finish(), Err(too_long));
    let mut sink = Vec::new();
    let mut out = tl_types::Writer::new(&mut sink);
    out.write(&fine);
    out.write(&fine);
    assert_eq!(out.finish(), Ok(()));
    assert_eq!(
        sink,
        [fine.to_bytes().unwrap(), fine.to_bytes().unwrap()].concat()
    );
}

/// codeSettings token:flags.8?string app_sandbox:flags.8?Bool: one bit for
/// two values, so one `Option` of both; a value with one alone cannot be built.
#[test]
fn two_values_sharing_a_bit_are_one_option() {
    let both = types::CodeSettings {
        token_and_app_sandbox: Some(("t".into(), true)),
        ..Default::default()
    };
    let bytes = both.to_bytes().unwrap();
    assert_eq!(bytes[..4], (1u32 << 8).to_le_bytes(), "bit 8, once");
    assert_eq!(types::CodeSettings::from_bytes(&bytes).unwrap(), both);
}

#[test]
fn a_bool_must_be_bool_true_or_bool_false() {
    assert_eq!(bool::from_bytes(&words(&[0x997275b5])), Ok(true));
    assert_eq!(bool::from_bytes(&words(&[0xbc799737])), Ok(false));
    let error = bool::from_bytes(&words(&[0x3fedd339])).unwrap_err();
    assert!(
        matches!(
            *error.kind(),
            DecodeErrorKind::UnexpectedConstructor { id: 0x3fedd339, .. }
        ),
        "{error}"
    );
    assert_eq!(error.offset(), 0);
}

#[test]
fn strings_that_are_not_utf8_decode_with_replacement_characters() {
    // textPlain with the two bytes ff fe, which are not UTF-8.
    let mut bytes = words(&[0x744694e0]);
    bytes.extend([2, 0xff, 0xfe, 0]);
    let text = types::TextPlain::from_bytes(&bytes[4..]).unwrap();
    assert_eq!(text.text, "\u{fffd}\u{fffd}");
    // Re-encoding writes the replacement characters (3 bytes each).
    assert_eq!(
        text.to_bytes().unwrap(),
        [6, 0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd, 0]
    );
}

#[test]
fn unknown_mask_bits_are_accepted_and_not_kept() {
    // codeSettings with bit 30 set, which layer 229 does not define.
    let bytes = words(&[1 << 30]);
    let settings = types::CodeSettings::from_bytes(&bytes).unwrap();
    assert_eq!(settings.to_bytes().unwrap(), words(&[0]));
}

#[test]
fn enums_stay_small() {
    use std::mem::size_of;
    for (name, size) in [
        ("Update", size_of::<enums::Update>()),
        ("Message", size_of::<enums::Message>()),
        ("MessageMedia", size_of::<enums::MessageMedia>()),
        ("User", size_of::<enums::User>()),
        ("Chat", size_of::<enums::Chat>()),
        ("RichText", size_of::<enums::RichText>()),
        ("PageBlock", size_of::<enums::PageBlock>()),
    ] {
        assert!(size <= 256, "enums::{name} is {size} bytes");
    }
    // A peer's `enums::Update` is 5,240 bytes; ours holds large payloads in a Box.
    assert!(
        size_of::<enums::Update>() <= 136,
        "{}",
        size_of::<enums::Update>()
    );
}
