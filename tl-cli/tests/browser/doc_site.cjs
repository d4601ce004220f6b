// Opens `tl doc`'s site in a headless Chromium, as a reader would, and
// prints what it shows as one JSON object on stdout, for tests/doc_site.rs
// to check. Screenshots go to SHOTS.
//
//   NODE_PATH=MODULES node doc_site.cjs SITE CHROMIUM SHOTS
//
// MODULES holds puppeteer-core (fetch_puppeteer.sh).
"use strict";
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const puppeteer = require("puppeteer-core");

const [site, chromium, shots] = process.argv.slice(2);
const pageOf = (relative) => pathToFileURL(path.join(site, relative)).href;

async function main() {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // Containers run tests as root, where Chromium's sandbox cannot start.
    args: ["--no-sandbox"],
    defaultViewport: { width: 1200, height: 1600 },
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    const text = (selector) => page.$eval(selector, (element) => element.textContent);
    const rows = (table) =>
      page.$$eval(`${table} tbody tr`, (rows) =>
        rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())),
      );

    // The page of auth.sendCode.
    await page.goto(pageOf("function/auth.sendCode.html"));
    const sendCode = {
      title: await text("h1"),
      params: await rows("table.params"),
      settingsLink: await page.$eval(
        "table.params tbody tr:nth-child(4) td:nth-child(3) a",
        (link) => link.getAttribute("href"),
      ),
      errors: await rows("table.errors"),
      usability: await text("p.usability"),
      example: await text("pre.example"),
    };
    await page.screenshot({ path: path.join(shots, "auth.sendCode.png") });

    // The search box, from the front page: typed into with key presses.
    await page.goto(pageOf("index.html"));
    await page.click("#search");
    await page.keyboard.type("sendCode");
    await page.waitForSelector("#search-results a");
    const firstResult = await text("#search-results a code");
    await page.screenshot({ path: path.join(shots, "search.png") });
    await Promise.all([page.waitForNavigation(), page.click("#search-results a")]);
    const search = { firstResult, landedOn: page.url(), title: await text("h1") };

    process.stdout.write(JSON.stringify({ sendCode, search }) + "\n");
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
