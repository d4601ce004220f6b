//! The real-schema cache the CLI tests read (`target/real-schemas`, or
//! `TL_REAL_SCHEMAS`): a file of it, fetched by its script if missing.

use std::path::PathBuf;
use std::process::Command;

/// The file `relative` of the cache, fetched by `tests/real-schemas/{script}`
/// (`fetch.py` or `fetch_layers.py`) if it is not there.
pub fn cached(relative: &str, script: &str) -> PathBuf {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let cache = std::env::var_os("TL_REAL_SCHEMAS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/real-schemas"));
    let path = cache.join(relative);
    // One fetch at a time: the tests run in parallel, and two fetches would
    // write the same downloads.
    static FETCHING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = FETCHING.lock().unwrap_or_else(|e| e.into_inner());
    if !path.exists() {
        let status = Command::new("python3")
            .arg(root.join("tests/real-schemas").join(script))
            .arg(&cache)
            .status()
            .expect("python3 runs the fetch script");
        assert!(status.success(), "{script} failed");
    }
    path
}
