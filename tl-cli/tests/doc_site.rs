//! `tl doc`'s site, as a reader meets it: generated for the bundled layer
//! with its method data and mtcute's descriptions, then opened in a real
//! headless Chromium (Debian's `chromium`). The `auth.sendCode` page must
//! show its parameter and error tables and who may call it, and typing
//! `sendCode` into the search box must lead to it.
//!
//! Without a Chromium on the machine the browser test says so and passes,
//! unless `TL_REQUIRE_BROWSER` is set (CI sets it). Screenshots go to
//! `target/doc-site/`, never into git.

#[path = "support/tl.rs"]
mod support;

use headless_chrome::{Browser, LaunchOptions, Tab};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

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

/// Runs a script in the page and reads its JSON result.
fn evaluate(tab: &Tab, script: &str) -> serde_json::Value {
    let result = tab
        .evaluate(&format!("JSON.stringify({script})"), false)
        .unwrap_or_else(|e| panic!("{script}: {e}"));
    let text = result.value.and_then(|v| v.as_str().map(str::to_owned));
    serde_json::from_str(&text.unwrap_or_else(|| "null".into())).unwrap()
}

/// The text of each cell of each row of a table's body.
fn table(tab: &Tab, selector: &str) -> Vec<Vec<String>> {
    let rows = evaluate(
        tab,
        &format!(
            "[...document.querySelectorAll('{selector} tbody tr')]\
             .map(row => [...row.cells].map(cell => cell.textContent.trim()))"
        ),
    );
    serde_json::from_value(rows).unwrap()
}

/// Saves what the tab shows as a PNG (under `target/`, never in git).
fn screenshot(tab: &Tab, path: &Path) {
    let png = tab
        .capture_screenshot(
            headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption::Png,
            None,
            None,
            true,
        )
        .unwrap();
    std::fs::write(path, png).unwrap();
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

    let browser = Browser::new(
        LaunchOptions::default_builder()
            .path(Some(chromium))
            .headless(true)
            // Containers run tests as root, where Chromium's sandbox cannot start.
            .sandbox(false)
            .window_size(Some((1200, 1600)))
            .idle_browser_timeout(Duration::from_secs(120))
            .build()
            .unwrap(),
    )
    .expect("chromium starts");
    let tab: Arc<Tab> = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(30));

    // The page of auth.sendCode.
    let page = site.join("function/auth.sendCode.html");
    tab.navigate_to(&format!("file://{}", page.display()))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    let title = evaluate(&tab, "document.querySelector('h1').textContent");
    assert_eq!(title, "function auth.sendCode");

    let params = table(&tab, "table.params");
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
    let settings_link = evaluate(
        &tab,
        "document.querySelector('table.params tbody tr:nth-child(4) td:nth-child(3) a').getAttribute('href')",
    );
    assert_eq!(settings_link, "../type/CodeSettings.html");

    let errors = table(&tab, "table.errors");
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

    let usability = evaluate(&tab, "document.querySelector('p.usability').textContent");
    assert_eq!(usability, "Users only.");
    let example = evaluate(&tab, "document.querySelector('pre.example').textContent");
    assert!(
        example
            .as_str()
            .unwrap()
            .contains("functions::auth::SendCode::new("),
        "{example}"
    );
    screenshot(&tab, &shots.join("auth.sendCode.png"));

    // The search box, from the front page.
    tab.navigate_to(&format!("file://{}", site.join("index.html").display()))
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab.wait_for_element("#search").unwrap().click().unwrap();
    tab.type_str("sendCode").unwrap();
    let first = tab.wait_for_element("#search-results a").unwrap();
    let first_text = evaluate(
        &tab,
        "document.querySelector('#search-results a code').textContent",
    );
    assert_eq!(first_text, "auth.sendCode", "the best match comes first");
    screenshot(&tab, &shots.join("search.png"));
    first.click().unwrap();
    // The click starts the navigation; wait for it to land.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while tab.get_url().ends_with("/index.html") && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    tab.wait_until_navigated().unwrap();
    let url = tab.get_url();
    assert!(
        url.ends_with("/function/auth.sendCode.html"),
        "following the result leads to the page: {url}"
    );
    let title = evaluate(&tab, "document.querySelector('h1').textContent");
    assert_eq!(title, "function auth.sendCode");
}
