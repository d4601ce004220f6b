//! Bindings generated from real schemas that nobody here wrote, fetched by
//! `fetch.py` into a cache at build time: TON's `ton_api.tl`, `lite_api.tl`
//! and `tonlib_api.tl` (PyPI pytoniq-core 0.2.1), TDLib's newest `td_api.tl`
//! (crate tdlib-rs 1.4.0; its two older versions are read by the tests
//! without bindings) and Telegram's layer 230 with its
//! `mtproto.tl` (crate grammers-tl-types 0.11.0); TON's also as borrowed
//! bindings. That they compile, with no
//! warning under clippy, is the first test; `tests/` holds the rest.

macro_rules! generated {
    ($($module:ident: $what:literal,)*) => {$(
        #[doc = $what]
        pub mod $module {
            include!(concat!(env!("OUT_DIR"), "/", stringify!($module), ".rs"));
        }
    )*};
}

generated! {
    ton_api: "TON's `ton_api.tl`: ADNL, DHT, overlays, the validator engine.",
    lite_api: "TON's `lite_api.tl`: the lite-server protocol.",
    tonlib_api: "TON's `tonlib_api.tl`: tonlib's client interface.",
    td_api: "TDLib's `td_api.tl`, the newest version in tdlib-rs 1.4.0 (TDLib 1.8.61).",
    telegram_230_api: "Telegram's API, layer 230.",
    telegram_230_mtproto: "The MTProto service schema that ships with layer 230.",
    ton_api_borrowed: "`ton_api.tl` as borrowed bindings (`Config::borrowed`).",
    lite_api_borrowed: "`lite_api.tl` as borrowed bindings.",
    tonlib_api_borrowed: "`tonlib_api.tl` as borrowed bindings.",
}

/// The folder the schemas were fetched into, for the tests to read them.
pub const CACHE: &str = env!("TL_REAL_SCHEMAS");
