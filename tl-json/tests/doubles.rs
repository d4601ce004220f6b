//! Doubles through TL-JSON, in both codecs: every value keeps its bits
//! (the infinities, -0.0, subnormals, the extremes), except NaN, which JSON
//! spells one way: any NaN on the wire reads back as the canonical quiet NaN
//! (docs/TL-JSON.md, "What JSON cannot hold").

use tl_types::json::{FromTlJson, ToTlJson};
use tl_types::{AnyObject, Decode, Encode};

/// `inputGeoPoint#48222faf flags:# lat:double long:double accuracy_radius:flags.0?int`
/// with `lat` set to the given bits and `long` to 1.0.
fn geo_point(lat_bits: u64) -> Vec<u8> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(&0x48222fafu32.to_le_bytes());
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&lat_bits.to_le_bytes());
    bytes.extend_from_slice(&1.0f64.to_bits().to_le_bytes());
    bytes
}

/// The dynamic codec for the API, built once for all tests.
fn codec() -> &'static tl_json::Codec {
    static CODEC: std::sync::OnceLock<tl_json::Codec> = std::sync::OnceLock::new();
    CODEC.get_or_init(|| {
        let schema = tl_parser::parse(include_str!("../../tl-types/schema/api.tl")).unwrap();
        tl_json::Codec::new(&[schema])
    })
}

/// Bytes → JSON → bytes through the dynamic codec and through the generated code.
fn through_json(bytes: &[u8]) -> (serde_json::Value, Vec<u8>, Vec<u8>) {
    let json = codec().decode(bytes).unwrap();
    let generated = AnyObject::from_bytes(bytes).unwrap();
    assert_eq!(generated.to_tl_json(), json);
    let dynamic_bytes = codec().encode(&json).unwrap();
    let text = serde_json::to_string(&json).unwrap();
    let reread: serde_json::Value = serde_json::from_str(&text).unwrap();
    let generated_bytes = AnyObject::from_tl_json(&reread, "")
        .unwrap()
        .to_bytes()
        .unwrap();
    (json, dynamic_bytes, generated_bytes)
}

#[test]
fn every_double_but_nan_keeps_its_bits_through_json() {
    let values = [
        0.0f64,
        -0.0,
        1.5,
        f64::MIN_POSITIVE,
        f64::from_bits(1), // the smallest subnormal
        f64::MAX,
        f64::MIN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        0.1 + 0.2,
    ];
    for value in values {
        let bytes = geo_point(value.to_bits());
        let (json, dynamic, generated) = through_json(&bytes);
        assert_eq!(
            dynamic, bytes,
            "{value:?} through the dynamic codec: {json}"
        );
        assert_eq!(
            generated, bytes,
            "{value:?} through the generated code: {json}"
        );
    }
}

#[test]
fn every_nan_reads_back_as_the_canonical_nan() {
    let canonical = geo_point(f64::NAN.to_bits());
    for bits in [
        0x7ff8_0000_0000_0000u64, // canonical quiet NaN
        0xfff8_0000_0000_0000,    // negative quiet NaN
        0x7ff0_0000_0000_0001,    // signalling NaN
        0xffff_ffff_ffff_ffff,    // all ones (found by the roundtrip fuzz target)
    ] {
        let (json, dynamic, generated) = through_json(&geo_point(bits));
        assert_eq!(json["lat"], "NaN");
        assert_eq!(dynamic, canonical, "{bits:#x} through the dynamic codec");
        assert_eq!(generated, canonical, "{bits:#x} through the generated code");
    }
}
