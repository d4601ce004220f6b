// Client code written once against the generated API, in the style the
// bindings recommend: `new` with the fields a value always has, optional
// fields set by name, `..Default::default()` for structs of optional fields.
// `layer_bump.rs` compiles it against layer 229 (tl-types) and layer 230
// (grammers-tl-types 0.11.0's schema), which added optional fields to each
// of these definitions, and to `username` two flags.

/// `username#b4073647`: 230 adds `deletable` and `expired` flags.
pub fn username() -> api::types::Username {
    let mut username = api::types::Username::new("durov");
    username.active = true;
    username
}

/// `bots.checkUsername`: 230 adds a mask and an `additional` flag.
pub fn check_username() -> api::functions::bots::CheckUsername {
    api::functions::bots::CheckUsername::new("my_test_bot")
}

/// `auth.initFirebasePnvLogin`: 230 adds a mask and `except_ids`.
pub fn init_firebase_login() -> api::functions::auth::InitFirebasePnvLogin {
    api::functions::auth::InitFirebasePnvLogin::new(372518, "0123456789abcdef0123456789abcdef")
}

/// The first request of every client, with settings given by name.
pub fn send_code() -> api::functions::auth::SendCode {
    let settings = api::types::CodeSettings {
        current_number: true,
        allow_app_hash: true,
        ..Default::default()
    };
    api::functions::auth::SendCode::new(
        "+15550100",
        372518,
        "0123456789abcdef0123456789abcdef",
        settings,
    )
}
