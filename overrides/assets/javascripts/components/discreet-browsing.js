// Discreet browsing: while on, moving to another page of the site replaces the tab's history
// entry instead of adding one, so Back never walks through the pages read here, and the site
// stores nothing on the phone (offline.js removes what it stored and registers no worker).
//
// The choice is kept in no storage. It lives in this page's memory and is handed to the next
// page of the site in the tab's name (window.name), set just before the site itself navigates
// and cleared as soon as the next page starts: a tab's name stays readable by whatever site the
// tab opens next (the quick exit's weather site among them), so it must never be left there.

const DEFAULTS = Object.freeze({
  turnOn: "Turn on discreet browsing",
  turnOff: "Turn off discreet browsing",
});

const FLAG = "fristed:discreet";
// Sent on the document when the reader turns it on or off, with `detail.on`.
export const CHANGED = "fristed:discreet";

let on = window.name === FLAG;
if (on) window.name = "";

export const isDiscreet = () => on;

export function init(root, config = {}) {
  if (root.dataset.initialised) return;
  root.dataset.initialised = "true";
  const strings = { ...DEFAULTS, ...config };
  const button = root.querySelector("[data-action=discreet-browsing]");

  const show = () => {
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? strings.turnOff : strings.turnOn;
  };

  button.addEventListener("click", () => {
    on = !on;
    show();
    document.dispatchEvent(new CustomEvent(CHANGED, { detail: { on } }));
  });

  document.addEventListener("click", (event) => {
    if (!on || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.origin !== location.origin || link.hasAttribute("download")) return;
    event.preventDefault();
    window.name = FLAG;
    window.location.replace(link.href);
  });

  // Back to this page from the browser's memory: the name handed on must not linger.
  window.addEventListener("pageshow", () => {
    if (window.name === FLAG) window.name = "";
  });

  root.hidden = false;
  show();
}
