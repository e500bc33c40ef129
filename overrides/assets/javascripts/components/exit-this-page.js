// Quick exit, after GOV.UK's "Exit this page": the button is a real link that works without
// this script; the script blanks the page at once, replaces the site's entry in the tab's
// history, and adds the Shift×3 shortcut with its progress announced to screen readers. As in
// GOV.UK's, "Leaving" is said by a visible overlay with role="alert" (a live region the exit
// itself hides is likely never read out), and keys are heard in the capture phase, before any
// other handler on the page can stop them.

const DEFAULTS = Object.freeze({
  shiftTwoMore: "Press Shift two more times to leave this site.",
  shiftOneMore: "Press Shift one more time to leave this site.",
  shiftExpired: "Time ran out. Press Shift three times quickly to leave this site.",
  leaving: "Leaving this site.",
  // Offline, the destination cannot load: go to the site's own neutral page instead.
  offlineUrl: "",
});

// Three presses of Shift alone, each within this long of the first.
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;

export function init(root, config = {}) {
  if (root.dataset.initialised) return;
  root.dataset.initialised = "true";
  const strings = { ...DEFAULTS, ...config };
  const link = root.querySelector("[data-action=quick-exit]");
  const status = root.querySelector("[role=status]");
  const overlay = document.createElement("div");
  overlay.className = "fristed-exit-overlay";
  overlay.setAttribute("role", "alert");
  overlay.hidden = true;
  document.body.append(overlay);

  let presses = 0;
  let otherKeyDown = false;
  let timer;

  const announce = (text) => {
    status.textContent = text;
  };

  const leave = () => {
    // Blank first: whatever the next page costs to load, nothing of this one stays on screen.
    overlay.textContent = strings.leaving;
    overlay.hidden = false;
    document.documentElement.classList.add("fristed-exiting");
    document.title = "";
    announce("");
    // Offline, the site's own neutral page, if the site's worker keeps it; else (discreet
    // browsing, or nothing stored) the destination's address, which the browser says it cannot
    // load, rather than an error page naming this site.
    const neutral = !navigator.onLine && strings.offlineUrl && navigator.serviceWorker?.controller;
    const destination = neutral ? new URL(strings.offlineUrl, location.href).href : link.href;
    window.location.replace(destination);
  };

  const resetShift = () => {
    presses = 0;
    clearTimeout(timer);
  };

  link.addEventListener("click", (event) => {
    event.preventDefault();
    leave();
  });

  const onKeyDown = (event) => {
    if (event.key === "Shift") {
      if (!event.repeat) otherKeyDown = false;
    } else {
      // Any other key, alone or with Shift, is typing: start counting again.
      otherKeyDown = true;
      resetShift();
    }
  };

  const onKeyUp = (event) => {
    if (event.key !== "Shift") return;
    // Shift held for a capital letter is typing, not a request to leave.
    if (otherKeyDown) return;
    presses += 1;
    if (presses === 1) {
      timer = setTimeout(() => {
        resetShift();
        announce(strings.shiftExpired);
      }, SHIFT_WINDOW_MS);
    }
    if (presses >= SHIFT_PRESSES) {
      resetShift();
      leave();
    } else {
      announce(presses === SHIFT_PRESSES - 1 ? strings.shiftOneMore : strings.shiftTwoMore);
    }
  };

  document.addEventListener("keydown", onKeyDown, { capture: true });
  document.addEventListener("keyup", onKeyUp, { capture: true });

  // Back may restore this page from the browser's cache: it must not come back blank.
  window.addEventListener("pageshow", () => {
    overlay.hidden = true;
    overlay.textContent = "";
    document.documentElement.classList.remove("fristed-exiting");
    announce("");
    resetShift();
  });
}
