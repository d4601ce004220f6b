//! Replays every committed fuzz input through its target: the crash inputs
//! the fuzzers found (`fuzz/regressions/<target>/`, one file each), kept as
//! regression tests, and the minimised corpora the fuzzers grew
//! (`fuzz/corpus/<target>.hex`, one input per line in hex). A target panics
//! on a bug, so a regression fails this test with the input that shows it.

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The crash inputs kept for `target`, by file name.
fn regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(fuzz_dir().join("regressions").join(target)) else {
        return Vec::new();
    };
    let mut inputs: Vec<(String, Vec<u8>)> = entries
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.is_file())
        .map(|path| {
            let data = std::fs::read(&path).expect("a readable input");
            (path.display().to_string(), data)
        })
        .collect();
    inputs.sort();
    inputs
}

/// The committed corpus of `target`, by line number.
fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let path = fuzz_dir().join("corpus").join(format!("{target}.hex"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let data =
                hex::decode(line).unwrap_or_else(|e| panic!("{target}.hex line {}: {e}", i + 1));
            (format!("{target}.hex line {}", i + 1), data)
        })
        .collect()
}

fn replay(inputs: impl Fn(&str) -> Vec<(String, Vec<u8>)>) -> usize {
    let mut count = 0;
    for (name, target) in tl_fuzz_targets::TARGETS {
        for (label, data) in inputs(name) {
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name} fails on {label}");
            count += 1;
        }
    }
    count
}

#[test]
fn every_crash_input_found_so_far_passes() {
    assert!(
        replay(regressions) > 0,
        "no crash inputs under fuzz/regressions"
    );
}

#[test]
fn every_corpus_input_passes() {
    replay(corpus);
}

#[test]
fn every_target_has_a_corpus() {
    for (name, _) in tl_fuzz_targets::TARGETS {
        assert!(!corpus(name).is_empty(), "fuzz/corpus/{name}.hex is empty");
    }
}
