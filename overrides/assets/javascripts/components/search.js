// Search, at no cost until the reader opens it: this opener is all a page loads; the search
// itself (search-panel.js) and the index of the reader's language come on the first open.

export function init(root, config = {}) {
  if (root.dataset.initialised) return;
  root.dataset.initialised = "true";
  const button = root.querySelector("[data-action=open-search]");
  let panel;

  button.addEventListener("click", async () => {
    panel ??= await import("./search-panel.js").then((module) => module.create(root, config));
    panel.toggle();
  });
  root.hidden = false;
}
