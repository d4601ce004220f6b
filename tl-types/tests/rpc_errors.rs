//! RPC errors read from `rpc_error` messages into `RpcErrorKind`, written
//! back to the same text, and the facts the bundled bindings carry about
//! them (`schema/errors.csv`, `schema/methods.csv`).
#![cfg(feature = "api")]

use proptest::prelude::*;
use tl_types::__private::number_between;
use tl_types::{RpcError, RpcErrorKind, Usability, functions};

const ERRORS_CSV: &str = include_str!("../schema/errors.csv");
const METHODS_CSV: &str = include_str!("../schema/methods.csv");

/// `(name, codes)` of every line of `errors.csv`.
fn errors() -> impl Iterator<Item = (&'static str, &'static str)> {
    ERRORS_CSV
        .lines()
        .skip(1)
        .map(|line| line.split_once(',').expect("name,codes"))
}

fn codes_of(name: &str) -> &'static str {
    errors().find(|(n, _)| *n == name).expect(name).1
}

fn method(name: &str) -> Option<(&'static str, &'static str)> {
    METHODS_CSV.lines().skip(1).find_map(|line| {
        let (method, rest) = line.split_once(',')?;
        (method == name).then(|| rest.split_once(',').expect("usability,errors"))
    })
}

/// A message of `name` with `number` in place of its `X`, if it has one.
fn with_number(name: &str, number: &str) -> Option<String> {
    let segments: Vec<&str> = name.split('_').collect();
    let index = segments.iter().position(|s| *s == "X" || *s == "XMIN")?;
    let mut segments: Vec<String> = segments.iter().map(|s| (*s).to_owned()).collect();
    segments[index] = segments[index].replacen('X', number, 1);
    Some(segments.join("_"))
}

#[test]
fn numbers_are_parsed_with_their_meaning() {
    let error = RpcError::new(303, "PHONE_MIGRATE_5");
    assert_eq!(error.kind(), &RpcErrorKind::PhoneMigrate(5));
    assert_eq!((error.code(), error.migrate_dc()), (303, Some(5)));
    assert_eq!(error.wait_seconds(), None);
    let error = RpcError::new(420, "FLOOD_WAIT_30");
    assert_eq!(error.kind(), &RpcErrorKind::FloodWait(30));
    assert_eq!((error.wait_seconds(), error.migrate_dc()), (Some(30), None));
    let error = RpcError::new(406, "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_2MIN");
    assert_eq!(error.wait_seconds(), Some(120));
    assert_eq!(error.to_string(), "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_2MIN");
}

#[test]
fn a_leading_digit_and_a_number_mid_name() {
    assert_eq!(
        RpcErrorKind::parse("2FA_CONFIRM_WAIT_86400"),
        RpcErrorKind::TwoFaConfirmWait(86400)
    );
    let missing = RpcErrorKind::parse("FILE_PART_3_MISSING");
    assert_eq!(missing, RpcErrorKind::FilePartMissing(3));
    assert_eq!(missing.name(), Some("FILE_PART_X_MISSING"));
    assert_eq!(missing.to_string(), "FILE_PART_3_MISSING");
}

#[test]
fn a_name_with_and_without_a_number() {
    assert_eq!(
        RpcErrorKind::parse("EMAIL_UNCONFIRMED"),
        RpcErrorKind::EmailUnconfirmed
    );
    assert_eq!(
        RpcErrorKind::parse("EMAIL_UNCONFIRMED_6"),
        RpcErrorKind::EmailUnconfirmedX(6)
    );
    assert_eq!(
        RpcErrorKind::parse("AUTH_RESTART"),
        RpcErrorKind::AuthRestart
    );
    assert_eq!(
        RpcErrorKind::parse("AUTH_RESTART_1"),
        RpcErrorKind::AuthRestartX(1)
    );
}

#[test]
fn negative_codes_and_names_alike_but_for_case() {
    let error = RpcError::new(-503, "Timeout");
    assert_eq!(error.code(), -503);
    assert_eq!(error.kind(), &RpcErrorKind::Timeout2);
    assert_eq!(error.to_string(), "Timeout");
    assert_eq!(RpcErrorKind::parse("TIMEOUT"), RpcErrorKind::Timeout);
    // A known error keeps the code it came with, listed or not.
    assert_eq!(RpcError::new(500, "FLOOD_WAIT_1").code(), 500);
}

#[test]
fn a_name_that_is_an_instance_of_another() {
    assert_eq!(
        RpcErrorKind::parse("FILE_PART_0_MISSING"),
        RpcErrorKind::FilePart0Missing
    );
    assert_eq!(
        RpcErrorKind::parse("FILE_PART_1_MISSING"),
        RpcErrorKind::FilePartMissing(1)
    );
}

#[test]
fn a_name_ending_in_x_without_a_number() {
    assert_eq!(
        RpcErrorKind::parse("AUTH_TOKEN_INVALIDX"),
        RpcErrorKind::AuthTokenInvalidx
    );
    assert!(matches!(
        RpcErrorKind::parse("AUTH_TOKEN_INVALID5"),
        RpcErrorKind::Other(_)
    ));
}

#[test]
fn numbers_that_would_not_write_back_are_kept_as_text() {
    for message in [
        "FLOOD_WAIT_99999999999",
        "FLOOD_WAIT_2147483648",
        "FLOOD_WAIT_007",
        "FLOOD_WAIT_-1",
        "FLOOD_WAIT_",
        "PHONE_MIGRATE_5 ",
    ] {
        let error = RpcError::new(420, message);
        assert_eq!(error.kind(), &RpcErrorKind::Other(message.to_owned()));
        assert_eq!(error.to_string(), message);
        assert_eq!((error.wait_seconds(), error.kind().name()), (None, None));
    }
    assert_eq!(
        RpcErrorKind::parse("FLOOD_WAIT_2147483647"),
        RpcErrorKind::FloodWait(i32::MAX)
    );
}

#[test]
fn every_name_in_the_data_round_trips() {
    let mut count = 0;
    for (name, _) in errors() {
        let messages = match with_number(name, "") {
            None => vec![name.to_owned()],
            Some(_) => ["0", "7", "2147483647"]
                .iter()
                .map(|n| with_number(name, n).unwrap())
                .collect(),
        };
        for message in messages {
            let kind = RpcErrorKind::parse(&message);
            // `FILE_PART_0_MISSING` is a name of its own as well as an
            // instance of `FILE_PART_X_MISSING`: the exact name wins.
            let expected = errors()
                .find(|(other, _)| *other == message)
                .map_or(name, |(other, _)| other);
            assert_eq!(kind.name(), Some(expected), "{message}");
            assert_eq!(kind.to_string(), message);
        }
        count += 1;
    }
    assert!(count > 800, "{count} errors");
}

proptest! {
    #[test]
    fn any_message_writes_back_exactly(code in any::<i32>(), message in "\\PC{0,40}") {
        let error = RpcError::new(code, &message);
        prop_assert_eq!(error.to_string(), message);
        prop_assert_eq!(error.code(), code);
    }

    #[test]
    fn any_number_in_a_known_name_round_trips(
        index in 0usize..1000,
        number in any::<u32>(),
    ) {
        let numbered: Vec<&str> = errors()
            .map(|(name, _)| name)
            .filter(|name| with_number(name, "").is_some())
            .collect();
        let name = numbered[index % numbered.len()];
        let message = with_number(name, &number.to_string()).unwrap();
        let kind = RpcErrorKind::parse(&message);
        prop_assert_eq!(&kind.to_string(), &message);
        let exact = errors().find(|(other, _)| *other == message).map(|(other, _)| other);
        let expected = exact.or((number <= i32::MAX as u32).then_some(name));
        prop_assert_eq!(kind.name(), expected);
    }
}

#[test]
fn functions_carry_who_may_call_them_and_their_errors() {
    assert_eq!(functions::auth::SendCode::USABILITY, Usability::User);
    let errors = functions::auth::SendCode::ERRORS.unwrap();
    assert!(errors.contains(&"PHONE_NUMBER_INVALID"));
    assert!(errors.contains(&"AUTH_RESTART_X"));
    // Listed without errors: none recorded, which is not unknown.
    assert_eq!(functions::auth::LogOut::ERRORS, Some(&[][..]));
    assert_eq!(functions::auth::LogOut::USABILITY, Usability::Both);
    // Not listed: unknown.
    assert_eq!(functions::communities::Create::ERRORS, None);
    assert_eq!(
        functions::communities::Create::USABILITY,
        Usability::Unknown
    );
    // An error's name is how a function lists it.
    let kind = RpcErrorKind::parse("AUTH_RESTART_4");
    assert!(errors.contains(&kind.name().unwrap()));
}

/// The disagreement rules of `schema/README.md`, on the committed data.
#[test]
fn the_merged_facts_follow_the_rules() {
    // Codes: every code either source saw, but `*_MIGRATE_X` is 303 alone.
    assert_eq!(codes_of("CHAT_WRITE_FORBIDDEN"), "400 403");
    assert_eq!(codes_of("FILE_MIGRATE_X"), "303");
    for (name, codes) in errors() {
        if name.ends_with("_MIGRATE_X") {
            assert_eq!(codes, "303", "{name}");
        }
    }
    // Usability: mtcute's word over Telethon's.
    assert_eq!(method("photos.uploadProfilePhoto").unwrap().0, "both");
    assert_eq!(method("messages.setBotCallbackAnswer").unwrap().0, "bot");
    assert_eq!(method("stickers.changeStickerPosition").unwrap().0, "both");
    // Errors of a method: the union (Telethon's PHONE_NUMBER_INVALID,
    // mtcute's PHONE_MIGRATE_X...).
    let send_code = method("auth.sendCode").unwrap().1;
    assert!(send_code.contains("PHONE_NUMBER_INVALID") && send_code.contains("AUTH_RESTART_X"));
    // Only functions of the layer, and only errors errors.csv names.
    let api = tl_types::schema::API
        .iter()
        .map(|file| file.text)
        .collect::<String>();
    for line in METHODS_CSV.lines().skip(1) {
        let mut fields = line.split(',');
        let name = fields.next().unwrap();
        assert!(
            api.contains(&format!("\n{name}#")),
            "{name} is not in api.tl"
        );
        for error in fields.nth(1).unwrap().split_whitespace() {
            assert!(errors().any(|(n, _)| n == error), "{error} of {name}");
        }
    }
    let listed = METHODS_CSV.lines().skip(1).count();
    assert!(listed >= 790, "{listed} functions listed");
}

#[cfg(feature = "mtproto")]
#[test]
fn from_the_mtproto_rpc_error() {
    let received = tl_types::mtproto::types::RpcError {
        error_code: 303,
        error_message: "USER_MIGRATE_2".to_owned(),
    };
    let error = RpcError::from(&received);
    assert_eq!((error.code(), error.migrate_dc()), (303, Some(2)));
    assert_eq!(RpcError::from(received).to_string(), "USER_MIGRATE_2");
}

#[test]
fn rpc_error_is_a_std_error() {
    let error: Box<dyn std::error::Error> = Box::new(RpcError::new(400, "PEER_ID_INVALID"));
    assert_eq!(error.to_string(), "PEER_ID_INVALID");
}

/// The helper generated `RpcErrorKind::new` reads numbers with.
#[test]
fn a_number_is_read_only_where_it_writes_back_the_same() {
    assert_eq!(number_between("FLOOD_WAIT_30", "FLOOD_WAIT_", ""), Some(30));
    assert_eq!(number_between("FLOOD_WAIT_0", "FLOOD_WAIT_", ""), Some(0));
    assert_eq!(
        number_between("FILE_PART_3_MISSING", "FILE_PART_", "_MISSING"),
        Some(3)
    );
    for odd in [
        "FLOOD_WAIT_",
        "FLOOD_WAIT_007",
        "FLOOD_WAIT_+5",
        "FLOOD_WAIT_-5",
    ] {
        assert_eq!(number_between(odd, "FLOOD_WAIT_", ""), None, "{odd}");
    }
    assert_eq!(
        number_between("FLOOD_WAIT_2147483647", "FLOOD_WAIT_", ""),
        Some(i32::MAX)
    );
    assert_eq!(
        number_between("FLOOD_WAIT_2147483648", "FLOOD_WAIT_", ""),
        None
    );
    assert_eq!(number_between("FLOOD_WAIT_1X", "FLOOD_WAIT_", ""), None);
    assert_eq!(
        number_between("FLOOD_PREMIUM_WAIT_1", "FLOOD_WAIT_", ""),
        None
    );
}
