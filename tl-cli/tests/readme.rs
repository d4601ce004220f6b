//! The README's examples stay true: every `$ command` shown with its output
//! is run with the built `tl` first on the PATH (from a scratch directory that
//! sees the bundled `tl-types/schema/`), and must print exactly what the README shows;
//! the diagnostic it shows is part of what `tl check` prints. Its first two
//! commands are run by CI (`.ci/run`), which reads them from the README.

use std::path::Path;
use std::process::Command;

const README: &str = include_str!("../../README.md");

/// Each `$ command` of the README's indented blocks, with the lines it prints.
fn sessions() -> Vec<(String, Vec<String>)> {
    let mut sessions: Vec<(String, Vec<String>)> = Vec::new();
    let mut in_session = false;
    for line in README.lines() {
        match line.strip_prefix("    ") {
            Some(rest) if rest.starts_with("$ ") => {
                sessions.push((rest[2..].to_owned(), Vec::new()));
                in_session = true;
            }
            Some(rest) if in_session => sessions.last_mut().unwrap().1.push(rest.to_owned()),
            _ => in_session = false,
        }
    }
    sessions
}

#[test]
fn every_command_shown_prints_what_the_readme_shows() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let scratch = std::env::temp_dir().join(format!("tl-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    std::os::unix::fs::symlink(root.join("tl-types"), scratch.join("tl-types")).unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_tl")).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap());

    let sessions = sessions();
    assert!(sessions.len() >= 4, "{sessions:?}");
    for (command, expected) in sessions {
        let out = Command::new("sh")
            .arg("-c")
            .arg(format!("{command} 2>&1"))
            .current_dir(&scratch)
            .env("PATH", &path)
            .output()
            .unwrap();
        let printed = String::from_utf8(out.stdout).unwrap();
        let printed: Vec<&str> = printed.lines().collect();
        assert_eq!(printed, expected, "`{command}`");
    }
    std::fs::remove_dir_all(&scratch).unwrap();
}

#[test]
fn the_diagnostic_shown_is_what_check_prints() {
    let start = README.find("    warning: explicit id").unwrap();
    let block: Vec<&str> = README[start..]
        .lines()
        .take_while(|l| !l.is_empty())
        .map(|l| l.strip_prefix("    ").unwrap())
        .collect();
    assert!(block.len() >= 5);
    let out = Command::new(env!("CARGO_BIN_EXE_tl"))
        .args([
            "check",
            "tl-types/schema/api.tl",
            "tl-types/schema/mtproto.tl",
        ])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stderr).unwrap();
    assert!(
        printed.contains(&(block.join("\n") + "\n")),
        "the README's diagnostic is not in\n{printed}"
    );
}

/// The README's Rust example is tl-types' README example, which is compiled
/// and run as a doctest of tl-types.
#[test]
fn the_rust_example_is_the_one_tl_types_compiles() {
    let rust_block = |text: &str| -> String {
        let start = text.find("```rust\n").expect("a ```rust block");
        let end = start + text[start..].find("\n```\n").unwrap();
        text[start..end].to_owned()
    };
    let tl_types = include_str!("../../tl-types/README.md");
    assert_eq!(rust_block(README), rust_block(tl_types));
}

#[test]
fn the_two_commands_for_a_fresh_machine_are_the_ones_ci_runs() {
    let ci = include_str!("../../.ci/run");
    assert!(
        ci.contains("readme_commands.py"),
        "CI reads the commands from the README"
    );
    // The commands as CI reads them, by the same script.
    let out = Command::new("python3")
        .arg(".ci/readme_commands.py")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let commands = String::from_utf8(out.stdout).unwrap();
    let commands: Vec<&str> = commands.lines().collect();
    assert_eq!(
        commands,
        [
            "cargo run -p tl-examples --bin send_code",
            "cargo test --workspace"
        ]
    );
}
