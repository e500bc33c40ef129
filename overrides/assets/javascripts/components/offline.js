// The page's side of the offline guide: registers the service worker (sw.js at the site root),
// saves the reader's language on request or when the app is installed, says when a stored copy
// is shown, when a newer page is ready or the guide was updated, and removes everything the site
// stored on request or when discreet browsing is turned on.
import { CHANGED, isDiscreet } from "./discreet-browsing.js";

const DEFAULTS = Object.freeze({
  saving: "Saving …",
  saved: "Saved. This guide now works without internet on this phone.",
  saveFailed: "Could not save. Try again when you are online.",
  offlineCopy: "Offline copy from {date}",
  pageChanged: "This page has changed.",
  showNewPage: "Show the new page",
  updated: "This guide was updated.",
  forgotten: "The guide was removed from this phone.",
  // The site's root, relative to the page: the worker's scope.
  siteRoot: "./",
});

// A language's pack is about 150 KB: at 2G's few kilobytes a second, a minute is plenty, and
// a save that never answers (a worker stopped mid-way) must not say "Saving …" for ever.
const SAVE_TIMEOUT_MS = 60000;

// sw.js names its caches "fristed <scope> <part> <version>"; tests/test_offline.py checks that
// "Remove" and discreet browsing leave none of them.
const cachePrefix = (scope) => `fristed ${scope} `;

const timeout = (ms) => new Promise((resolve) => setTimeout(resolve, ms, null));

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
  // A page that had a worker before it loaded sees a new one take over only on an update.
  let hadController = Boolean(navigator.serviceWorker.controller);
  let forgotten = false;
  let saving = false;

  const say = (text) => {
    status.textContent = text;
  };

  const showNotice = (state, ...content) => {
    if (forgotten) return;
    notice.replaceChildren(...content);
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

  // No request for persistent storage: Firefox answers it with a prompt that names the site in
  // the browser's own interface, on a phone someone else may look at.
  const save = async () => {
    if (saving || forgotten || isDiscreet()) return;
    saving = true;
    say(strings.saving);
    const answer = await Promise.race([ask({ type: "save", language }), timeout(SAVE_TIMEOUT_MS)]);
    saving = false;
    root.dataset.state = answer?.ok ? "saved" : "save-failed";
    say(answer?.ok ? strings.saved : strings.saveFailed);
  };

  // Every cache of this site's scope and its worker; true if there was anything to remove.
  const removeAll = async () => {
    const deleteCaches = async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith(cachePrefix(scope)));
      await Promise.all(names.map((name) => caches.delete(name)));
      return names.length;
    };
    const deleted = await deleteCaches();
    const registrations = (await navigator.serviceWorker.getRegistrations()).filter((r) => r.scope === scope);
    await Promise.all(registrations.map((registration) => registration.unregister()));
    // A request the worker was answering meanwhile may have written once more.
    return deleted + registrations.length + (await deleteCaches()) > 0;
  };

  const forget = async () => {
    forgotten = true;
    saveButton.hidden = true;
    notice.hidden = true;
    await removeAll();
    say(strings.forgotten);
  };

  const register = () =>
    navigator.serviceWorker.register(new URL("sw.js", scope), { scope, updateViaCache: "none" }).catch(() => {
      root.hidden = true;
    });

  const showNewer = () => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.action = "show-new-page";
    button.textContent = strings.showNewPage;
    button.addEventListener("click", () => location.reload());
    showNotice("newer", `${strings.pageChanged} `, button);
  };

  // An offer of the changed page keeps its button: WebKit announces the new build's worker after
  // the late page that offered it, and "updated" alone would leave the old text with no way on.
  const showUpdated = () => {
    if (notice.dataset.state !== "newer") showNotice("updated", strings.updated);
  };

  navigator.serviceWorker.addEventListener("message", (event) => {
    const { type, date } = event.data ?? {};
    if (type === "updated") showUpdated();
    if (type === "newer") showNewer();
    if (type === "offline-copy" && date) {
      const day = new Intl.DateTimeFormat(language, { dateStyle: "long" }).format(new Date(date));
      showNotice("offline-copy", strings.offlineCopy.replace("{date}", day));
    }
  });
  // Messages the worker sent while this page was loading wait until now.
  navigator.serviceWorker.startMessages?.();
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (hadController) showUpdated();
  });
  saveButton.addEventListener("click", save);
  forgetButton.addEventListener("click", forget);
  // Installing the app saves the guide: an installed app that fails offline would betray trust.
  window.addEventListener("appinstalled", save);

  const start = () => {
    forgotten = false;
    saveButton.hidden = false;
    register();
    ask({ type: "status", language }).then((answer) => {
      // A saved language missing files (a new build changed them) is completed in the
      // background, and so is the language of an installed app opened before it was saved.
      const installed = matchMedia("(display-mode: standalone)").matches;
      if (answer && (answer.saved || installed) && !answer.complete && navigator.onLine) save();
    });
  };

  // Discreet: nothing of the site stays on the phone, not even what another tab stored.
  const stop = async () => {
    saveButton.hidden = true;
    hadController = false;
    if ((await removeAll()) && isDiscreet()) say(strings.forgotten);
  };

  document.addEventListener(CHANGED, (event) => {
    say("");
    if (event.detail.on) stop();
    else start();
  });
  if (isDiscreet()) stop();
  else start();
  root.hidden = false;
}
