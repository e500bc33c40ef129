// The page's side of the offline guide: registers the service worker (sw.js at the site root),
// saves the reader's language on request or when the app is installed, says when a saved copy
// is being read or the guide was updated, and removes everything the site stored on request.

const DEFAULTS = Object.freeze({
  saving: "Saving …",
  saved: "Saved. This guide now works without internet on this phone.",
  saveFailed: "Could not save. Try again when you are online.",
  offlineCopy: "Offline copy from {date}",
  updated: "This guide was updated.",
  forgotten: "The guide was removed from this phone.",
  // The site's root, relative to the page: the worker's scope.
  siteRoot: "./",
});

// Must match the cache names sw.js gives: "fristed <scope> <part> <version>".
const cachePrefix = (scope) => `fristed ${scope} `;

export function init(root, config = {}) {
  if (root.dataset.initialised || !("serviceWorker" in navigator) || !("caches" in window)) return;
  root.dataset.initialised = "true";
  const strings = { ...DEFAULTS, ...config };
  const scope = new URL(strings.siteRoot, location.href).href;
  const language = document.documentElement.lang;
  const status = root.querySelector("[role=status]");
  const saveButton = root.querySelector("[data-action=save-offline]");
  const forgetButton = root.querySelector("[data-action=forget-site]");
  const notice = document.querySelector("[data-offline-notice]");
  const hadController = Boolean(navigator.serviceWorker.controller);
  let forgotten = false;

  const say = (text) => {
    status.textContent = text;
  };

  const showNotice = (text, state) => {
    notice.textContent = text;
    notice.dataset.state = state;
    notice.hidden = false;
  };

  const ask = async (message) => {
    const registration = await navigator.serviceWorker.ready;
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      registration.active.postMessage(message, [channel.port2]);
    });
  };

  const save = async () => {
    say(strings.saving);
    // Ask the browser not to evict the saved guide when space runs low.
    await navigator.storage?.persist?.().catch(() => false);
    const answer = await ask({ type: "save", language });
    say(answer?.ok ? strings.saved : strings.saveFailed);
  };

  const forget = async () => {
    forgotten = true;
    saveButton.hidden = true;
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(cachePrefix(scope))).map((name) => caches.delete(name)));
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith("fristed:")) sessionStorage.removeItem(key);
    }
    // Unregistering can wait behind a pending update for seconds: the caches are already gone.
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.filter((registration) => registration.scope === scope).map((registration) => registration.unregister()));
    say(strings.forgotten);
  };

  const showUpdated = () => {
    if (!forgotten) showNotice(strings.updated, "updated");
  };

  navigator.serviceWorker.register(new URL("sw.js", scope), { scope, updateViaCache: "none" }).catch(() => {
    root.hidden = true;
  });
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type === "updated") showUpdated();
  });
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) showUpdated();
  });
  saveButton.addEventListener("click", save);
  forgetButton.addEventListener("click", forget);
  // Installing the app saves the guide: an installed app that fails offline would betray trust.
  window.addEventListener("appinstalled", save);

  ask({ type: "status", language }).then((answer) => {
    if (!answer || forgotten) return;
    if (answer.fromCache) {
      const date = new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(new Date(answer.fromCache));
      showNotice(strings.offlineCopy.replace("{date}", date), "offline-copy");
    }
    // A saved language missing files (a new build changed them) is completed in the background,
    // and so is the language of an installed app opened before it was saved.
    const installed = matchMedia("(display-mode: standalone)").matches;
    if ((answer.saved || installed) && !answer.complete && navigator.onLine) save();
  });
  root.hidden = false;
}
