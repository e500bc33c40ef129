// Discreet browsing: while on, moving to another page of the site replaces the tab's history
// entry instead of adding one, so Back never walks through the pages read here, and the site
// stores nothing on the phone (offline.js removes what it stored and registers no worker).
//
// The choice lives in the tab's name (window.name), not in any storage: it lasts as long as the
// tab and is written nowhere on the phone.

const DEFAULTS = Object.freeze({
  turnOn: "Turn on discreet browsing",
  turnOff: "Turn off discreet browsing",
});

const FLAG = "fristed:discreet";
// Sent on the document when the reader turns it on or off, with `detail.on`.
export const CHANGED = "fristed:discreet";

export const isDiscreet = () => window.name === FLAG;

export function init(root, config = {}) {
  if (root.dataset.initialised) return;
  root.dataset.initialised = "true";
  const strings = { ...DEFAULTS, ...config };
  const button = root.querySelector("[data-action=discreet-browsing]");

  const show = () => {
    const on = isDiscreet();
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? strings.turnOff : strings.turnOn;
  };

  button.addEventListener("click", () => {
    window.name = isDiscreet() ? "" : FLAG;
    show();
    document.dispatchEvent(new CustomEvent(CHANGED, { detail: { on: isDiscreet() } }));
  });

  document.addEventListener("click", (event) => {
    if (!isDiscreet() || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.origin !== location.origin || link.hasAttribute("download")) return;
    event.preventDefault();
    window.location.replace(link.href);
  });

  root.hidden = false;
  show();
}
