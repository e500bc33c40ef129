// Search, at no cost until the reader opens it: this opener is all a page loads; the search
// itself (search-panel.js) and the index of the reader's language come on the first open.

export function init(root, config = {}) {
  if (root.dataset.initialised) return;
  root.dataset.initialised = "true";
  const button = root.querySelector("[data-action=open-search]");
  // The promise, not its result, is kept: a second tap while the first loads opens the same panel.
  let panel;

  button.addEventListener("click", async () => {
    panel ??= import("./search-panel.js").then((module) => module.create(root, config));
    try {
      (await panel).toggle();
    } catch {
      // The panel's script could not load (offline, not saved): the next tap tries again.
      panel = undefined;
    }
  });
  root.hidden = false;
}
