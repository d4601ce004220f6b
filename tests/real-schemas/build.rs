//! Fetches the real schemas into a cache (with `fetch.py`, through pip and
//! cargo) and generates bindings for each, as a user's build script would.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Each generated module: its name, the cached schema files it is made of,
/// and whether its bindings are borrowed (`Config::borrowed`).
const MODULES: &[(&str, &[&str], bool)] = &[
    ("ton_api", &["ton/ton_api.tl"], false),
    ("lite_api", &["ton/lite_api.tl"], false),
    ("tonlib_api", &["ton/tonlib_api.tl"], false),
    ("td_api", &["td/td_api.tl"], false),
    ("telegram_230_api", &["telegram-230/api.tl"], false),
    ("telegram_230_mtproto", &["telegram-230/mtproto.tl"], false),
    ("ton_api_borrowed", &["ton/ton_api.tl"], true),
    ("lite_api_borrowed", &["ton/lite_api.tl"], true),
    ("tonlib_api_borrowed", &["ton/tonlib_api.tl"], true),
];

/// Schema files the tests read without generated bindings (the older
/// TDLib versions: their ids, their formatting, the dynamic codec).
const READ_BY_TESTS: &[&str] = &["td/td_api_1.8.29.tl", "td/td_api_1.8.19.tl"];

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let cache = std::env::var_os("TL_REAL_SCHEMAS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest.join("../../target/real-schemas"));
    println!("cargo:rerun-if-env-changed=TL_REAL_SCHEMAS");
    println!("cargo:rerun-if-changed=fetch.py");
    println!("cargo:rustc-env=TL_REAL_SCHEMAS={}", cache.display());

    let missing = MODULES
        .iter()
        .flat_map(|(_, files, _)| files.iter())
        .chain(READ_BY_TESTS)
        .any(|file| !cache.join(file).exists());
    if missing {
        fetch(&manifest.join("fetch.py"), &cache);
    }

    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap());
    for (module, files, borrowed) in MODULES {
        let paths: Vec<PathBuf> = files.iter().map(|file| cache.join(file)).collect();
        let source = tl_codegen::Config::new()
            .borrowed(*borrowed)
            .generate_files(&paths)
            .unwrap_or_else(|error| fail(&error.to_string()));
        for path in &paths {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        std::fs::write(out.join(format!("{module}.rs")), source)
            .unwrap_or_else(|error| fail(&format!("cannot write {module}.rs: {error}")));
    }
}

fn fetch(script: &Path, cache: &Path) {
    let status = Command::new("python3").arg(script).arg(cache).status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => fail(&format!("{} failed ({status})", script.display())),
        Err(error) => fail(&format!(
            "cannot run python3 {}: {error}; the real-schema tests need python3 with pip",
            script.display()
        )),
    }
}

/// Stops the build with the message, as cargo shows a build script's output.
fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1);
}
