// The search box of `tl doc`'s site: filters the names of search-index.js
// (TL_SEARCH) as the reader types, best matches first; Enter follows the
// first result. No network, no build step.
(function () {
  "use strict";
  const input = document.getElementById("search");
  const results = document.getElementById("search-results");
  const root = document.body.dataset.root || "";
  const LIMIT = 50;
  const kindOrder = { "function": 0, "type": 1, "constructor": 2 };

  // Lower is better; -1 is no match. The name after its namespace counts
  // most: `sendCode` finds `auth.sendCode` before `auth.sentCode`.
  function score(name, query) {
    const full = name.toLowerCase();
    const short = full.slice(full.lastIndexOf(".") + 1);
    if (short === query || full === query) return 0;
    if (short.startsWith(query)) return 1;
    if (full.startsWith(query)) return 2;
    if (short.includes(query)) return 3;
    if (full.includes(query)) return 4;
    return -1;
  }

  function update() {
    const query = input.value.trim().toLowerCase();
    results.textContent = "";
    if (query === "") {
      results.hidden = true;
      return;
    }
    const hits = [];
    for (const [name, kind] of TL_SEARCH) {
      const s = score(name, query);
      if (s >= 0) hits.push([s, kindOrder[kind], name.length, name, kind]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : 1));
    for (const [, , , name, kind] of hits.slice(0, LIMIT)) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = root + kind + "/" + name + ".html";
      const label = document.createElement("code");
      label.textContent = name;
      const tag = document.createElement("span");
      tag.className = "kind";
      tag.textContent = kind;
      link.append(label, tag);
      item.append(link);
      results.append(item);
    }
    if (hits.length === 0) {
      const item = document.createElement("li");
      item.textContent = "No name matches.";
      results.append(item);
    }
    results.hidden = false;
  }

  input.addEventListener("input", update);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const first = results.querySelector("a");
      if (first) window.location.href = first.href;
    } else if (event.key === "Escape") {
      input.value = "";
      update();
    }
  });
})();
