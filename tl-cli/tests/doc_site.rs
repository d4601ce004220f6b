//! `tl doc`'s site, as a reader meets it: generated for the bundled layer
//! with its method data and mtcute's descriptions, then opened in a real
//! headless Chromium (Debian's `chromium`). The `auth.sendCode` page must
//! show its parameter and error tables and who may call it, and typing
//! `sendCode` into the search box must lead to it.
//!
//! The browser is driven by `browser/doc_site.cjs` through the npm package
//! puppeteer-core (fetched into `target/puppeteer` by
//! `browser/fetch_puppeteer.sh`), which reports what the pages show; this
//! test checks it. Without a Chromium on the machine the browser test says
//! so and passes, unless `TL_REQUIRE_BROWSER` is set (CI sets it).
//! Screenshots go to `target/doc-site/`, never into git.

#[path = "support/tl.rs"]
mod support;

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// mtcute's `api-schema.json`, fetched by the bundled script (npm) if it is
/// not in `target/mtcute` yet.
fn descriptions() -> PathBuf {
    let path = root().join("target/mtcute/package/tl/api-schema.json");
    static FETCHING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = FETCHING.lock().unwrap_or_else(|e| e.into_inner());
    if !path.exists() {
        let status = Command::new("sh")
            .arg(root().join("tl-types/schema/fetch_mtcute.sh"))
            .status()
            .expect("sh runs fetch_mtcute.sh");
        assert!(status.success(), "fetch_mtcute.sh failed (it needs npm)");
    }
    path
}

/// Generates the bundled layer's site into `dir`.
fn generate_site(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    let descriptions = descriptions();
    let output = support::tl_with_input(
        &[
            "doc",
            "tl-types/schema/api.tl",
            "--methods",
            "tl-types/schema/methods.csv",
            "--errors",
            "tl-types/schema/errors.csv",
            "--descriptions",
            descriptions.to_str().unwrap(),
            "-o",
            dir.to_str().unwrap(),
        ],
        "",
    );
    assert!(
        output.status.success(),
        "tl doc failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The Chromium to drive: `TL_CHROMIUM`, or the first of Debian's and
/// others' names found on `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("TL_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            ["chromium", "chromium-browser", "google-chrome"].map(|name| dir.join(name))
        })
        .find(|candidate| candidate.is_file())
}

/// The folder of node modules that holds puppeteer-core, fetched by
/// `browser/fetch_puppeteer.sh` (npm) if it is not in `target/puppeteer` yet.
fn puppeteer_modules() -> PathBuf {
    let stdout = stdout_of(
        Command::new("sh").arg(root().join("tl-cli/tests/browser/fetch_puppeteer.sh")),
        "fetch_puppeteer.sh (it needs npm)",
    );
    PathBuf::from(String::from_utf8(stdout).unwrap().trim())
}

/// What `command` prints on its standard output; it must succeed, or the
/// test fails with what it printed on its standard error.
fn stdout_of(command: &mut Command, what: &str) -> Vec<u8> {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{what} cannot start: {e}"));
    assert!(
        output.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Opens the site in `chromium` with `browser/doc_site.cjs` and returns what
/// it reports the pages show.
fn browse(site: &Path, chromium: &Path, shots: &Path) -> Value {
    let stdout = stdout_of(
        Command::new("node")
            .arg(root().join("tl-cli/tests/browser/doc_site.cjs"))
            .args([site, chromium, shots])
            .env("NODE_PATH", puppeteer_modules()),
        "doc_site.cjs",
    );
    serde_json::from_slice(&stdout).unwrap()
}

/// The text of each cell of each row of a table the script read.
fn table(rows: &Value) -> Vec<Vec<String>> {
    serde_json::from_value(rows.clone()).unwrap()
}

#[test]
fn the_send_code_page_and_the_search_box_work_in_chromium() {
    let Some(chromium) = chromium() else {
        assert!(
            std::env::var_os("TL_REQUIRE_BROWSER").is_none(),
            "TL_REQUIRE_BROWSER is set but no chromium is on PATH (apt-get install chromium)"
        );
        eprintln!("skipped: no chromium on PATH (apt-get install chromium, or set TL_CHROMIUM)");
        return;
    };
    let site = root().join("target/doc-site/site");
    generate_site(&site);
    let shots = root().join("target/doc-site");

    std::fs::create_dir_all(&shots).unwrap();
    let seen = browse(&site, &chromium, &shots);

    // The page of auth.sendCode.
    let page = &seen["sendCode"];
    assert_eq!(page["title"], "function auth.sendCode");

    let params = table(&page["params"]);
    let names: Vec<&str> = params.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(names, ["phone_number", "api_id", "api_hash", "settings"]);
    assert_eq!(params[1][1], "i32");
    assert_eq!(params[1][2], "int");
    assert_eq!(params[3][2], "CodeSettings");
    assert!(
        params
            .iter()
            .all(|row| row[3] == "required" && !row[4].is_empty()),
        "every parameter is required and described: {params:?}"
    );
    assert_eq!(page["settingsLink"], "../type/CodeSettings.html");

    let errors = table(&page["errors"]);
    let methods = std::fs::read_to_string(root().join("tl-types/schema/methods.csv")).unwrap();
    let listed: Vec<&str> = methods
        .lines()
        .find_map(|line| line.strip_prefix("auth.sendCode,"))
        .expect("methods.csv lists auth.sendCode")
        .split_once(',')
        .unwrap()
        .1
        .split(' ')
        .collect();
    let shown: Vec<&str> = errors.iter().map(|row| row[1].as_str()).collect();
    assert_eq!(
        shown, listed,
        "the error table lists the method data's errors"
    );
    let api_id_invalid = errors
        .iter()
        .find(|row| row[1] == "API_ID_INVALID")
        .unwrap();
    assert_eq!(api_id_invalid[0], "400");
    assert!(!api_id_invalid[2].is_empty(), "API_ID_INVALID is described");

    assert_eq!(page["usability"], "Users only.");
    let example = page["example"].as_str().unwrap();
    assert!(
        example.contains("functions::auth::SendCode::new("),
        "{example}"
    );

    // The search box, from the front page: typing `sendCode` puts
    // auth.sendCode first, and following it leads to its page.
    let search = &seen["search"];
    assert_eq!(
        search["firstResult"], "auth.sendCode",
        "the best match comes first"
    );
    let url = search["landedOn"].as_str().unwrap();
    assert!(
        url.ends_with("/function/auth.sendCode.html"),
        "following the result leads to the page: {url}"
    );
    assert_eq!(search["title"], "function auth.sendCode");
    for shot in ["auth.sendCode.png", "search.png"] {
        let png = std::fs::read(shots.join(shot)).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "{shot} is a PNG");
    }
}
