// Discreet browsing: while on, moving to another page of the site replaces the tab's history
// entry instead of adding one, so Back never walks through the pages read here. The choice is
// kept for this tab only (sessionStorage), and only once the reader turns it on.

const DEFAULTS = Object.freeze({
  turnOn: "Turn on discreet browsing",
  turnOff: "Turn off discreet browsing",
});

const KEY = "fristed:discreet";

const isOn = () => {
  try {
    return sessionStorage.getItem(KEY) === "on";
  } catch {
    return false;
  }
};

export function init(root, config = {}) {
  if (root.dataset.initialised) return;
  root.dataset.initialised = "true";
  const strings = { ...DEFAULTS, ...config };
  const button = root.querySelector("[data-action=discreet-browsing]");

  const show = () => {
    const on = isOn();
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? strings.turnOff : strings.turnOn;
  };

  button.addEventListener("click", () => {
    try {
      if (isOn()) sessionStorage.removeItem(KEY);
      else sessionStorage.setItem(KEY, "on");
    } catch {
      // Storage refused (a strict private mode): the choice lasts for this page only.
    }
    show();
  });

  document.addEventListener("click", (event) => {
    if (!isOn() || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target.closest("a[href]");
    if (!link || link.target || link.origin !== location.origin || link.hasAttribute("download")) return;
    event.preventDefault();
    window.location.replace(link.href);
  });

  root.hidden = false;
  show();
}
