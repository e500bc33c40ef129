// The search panel: loads the reader's language's index once, then finds every section whose
// text holds all the words typed, in any script (Thai writes no spaces, so words are matched
// inside the text, not as whole words).

const DEFAULTS = Object.freeze({
  placeholder: "Search this guide",
  noResults: "No results",
  searchFailed: "Search could not load. Try again when you are online.",
  index: "search-index.json",
});
const MAX_RESULTS = 10;
const SNIPPET = 80;

// Case and accents do not matter: "Asyl" finds "asyl", "protección" finds "proteccion".
const fold = (text, language) =>
  text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase(language);

export function create(root, config = {}) {
  const strings = { ...DEFAULTS, ...config };
  const language = document.documentElement.lang;
  const indexUrl = new URL(strings.index, location.href);
  const button = root.querySelector("[data-action=open-search]");

  const panel = document.createElement("div");
  panel.className = "fristed-search__panel";
  panel.id = "fristed-search-panel";
  panel.setAttribute("role", "search");
  panel.hidden = true;
  const input = document.createElement("input");
  input.type = "search";
  input.placeholder = strings.placeholder;
  input.setAttribute("aria-label", strings.placeholder);
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  const list = document.createElement("ol");
  panel.append(input, status, list);
  root.closest("header").after(panel);
  button.setAttribute("aria-controls", panel.id);

  // Loaded on the first open; a failed load says so and is tried again on the next open.
  let entries = null;
  let loading = null;
  const load = () => {
    loading ??= fetch(indexUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`${indexUrl}: ${response.status}`);
        return response.json();
      })
      .then(
        (index) => {
          entries = index.map((entry) => ({
            ...entry,
            foldedHeading: fold(entry.heading || entry.page, language),
            folded: fold(`${entry.page} ${entry.heading} ${entry.text}`, language),
          }));
          show();
        },
        () => {
          loading = null;
          status.textContent = strings.searchFailed;
        },
      );
  };
  // A word in a section's heading says more than a word in its text.
  const score = (entry, words) => words.reduce((sum, word) => sum + (entry.foldedHeading.includes(word) ? 3 : 1), 0);

  const show = () => {
    const words = fold(input.value, language).split(/\s+/).filter(Boolean);
    list.replaceChildren();
    if (!entries) return;
    if (!words.length) {
      status.textContent = "";
      return;
    }
    const found = entries
      .filter((entry) => words.every((word) => entry.folded.includes(word)))
      .sort((a, b) => score(b, words) - score(a, words))
      .slice(0, MAX_RESULTS);
    status.textContent = found.length ? "" : strings.noResults;
    for (const entry of found) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = new URL(entry.url, indexUrl).href;
      link.textContent = entry.heading ? `${entry.page}: ${entry.heading}` : entry.page;
      const at = Math.max(0, fold(entry.text, language).indexOf(words[0]) - SNIPPET / 2);
      const snippet = document.createElement("p");
      snippet.textContent = `${at ? "…" : ""}${entry.text.slice(at, at + SNIPPET)}…`;
      item.append(link, snippet);
      list.append(item);
    }
  };

  input.addEventListener("input", show);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      toggle(false);
      button.focus();
    }
  });

  const toggle = (open = panel.hidden) => {
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) input.focus();
    if (open && !entries) load();
  };
  return { toggle };
}
