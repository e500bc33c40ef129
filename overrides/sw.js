// Fristed's service worker. It knows nothing of the build or of the page: what to cache comes
// from sw-precache.js, written at build time, and the page talks to it only by messages.
//
// - Pages: network first, with a short timeout, so a slow connection still gets a page fast;
//   the network answer is still awaited, and the reader told at once when the page changed.
//   Then the cache; then the offline page of the best language available.
// - Other files: from the cache, by the content hash in the precache list; else the network.
// - Caches are named after this worker's scope, so mirrors sharing an origin never touch each
//   other's, and after the version, so a new build replaces them.
// - Nothing is kept in memory between events: the browser stops a worker whenever it likes.
importScripts("sw-precache.js");

const PRECACHE = self.FRISTED_PRECACHE;
const SCOPE = self.registration.scope;
// The page (offline.js) deletes every cache whose name starts with this prefix.
const PREFIX = `fristed ${SCOPE} `;
const SHELL = `${PREFIX}shell ${PRECACHE.version}`;
// Each cached response carries its own content hash and the time it was stored, so there is no
// shared record for parallel requests to overwrite.
const HASH = "X-Fristed-Hash";
const STORED = "X-Fristed-Stored";
// Present in a language's cache once the reader saved it; its body is when.
const SAVED = new URL(".fristed-saved", SCOPE).href;
const PAGE_TIMEOUT_MS = 3000;
// The offline page's empty base (BASE_SLOT in fristed/offline/pages.py; tests hold the two alike).
const BASE_SLOT = '<base href="">';
// How long a new page may take to exist before the worker gives up telling it something.
const CLIENT_WAIT_MS = 10000;

const absolute = (path) => new URL(path, SCOPE).href;
const languageCache = (code) => `${PREFIX}${code} ${PRECACHE.version}`;
const isOurs = (name) => name.startsWith(PREFIX);
const isCurrent = (name) => name === SHELL || Object.keys(PRECACHE.languages).some((code) => name === languageCache(code));
const shellUrls = new Set(PRECACHE.shell.map(([url]) => absolute(url)));
const hashes = new Map(
  [PRECACHE.shell, ...Object.values(PRECACHE.languages).map((language) => language.files)]
    .flat()
    .map(([url, hash]) => [absolute(url), hash]),
);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function languageOf(url) {
  const path = url.slice(SCOPE.length);
  const code = Object.keys(PRECACHE.languages).find(
    (candidate) => PRECACHE.languages[candidate].folder && path.startsWith(PRECACHE.languages[candidate].folder),
  );
  return code ?? PRECACHE.default;
}

const ownerOf = (url) => (shellUrls.has(url) ? SHELL : languageCache(languageOf(url)));

function pageKey(url) {
  const clean = new URL(url);
  clean.search = "";
  clean.hash = "";
  return clean.pathname.endsWith("/") ? `${clean.href}index.html` : clean.href;
}

// The first 16 hex digits of the SHA-256 of a body, as fristed.offline hashes files.
async function digest(body) {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return Array.from(bytes.slice(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Headers that describe the bytes as they travelled, not the body a copy holds.
const TRANSFER_HEADERS = ["Content-Encoding", "Content-Length", "Transfer-Encoding"];

// A copy of a response as the cache keeps it: the server's headers (its security policy
// included), the body's hash and the time it was stored. Being a new response, it carries no
// trace of a redirect, which a navigation would refuse (Workbox's copyResponse does the same).
async function stamped(response) {
  const body = await response.arrayBuffer();
  const headers = new Headers(response.headers);
  for (const name of TRANSFER_HEADERS) headers.delete(name);
  headers.set(HASH, await digest(body));
  headers.set(STORED, new Date().toISOString());
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

// Only a navigation, an install or a save may create a cache. A file an open page loads later
// only fills a cache that exists, so a worker still running after "Remove" brings nothing back.
async function put(name, url, response, create = false) {
  if (!create && !(await caches.has(name))) return;
  await (await caches.open(name)).put(url, response);
}

// Past the HTTP cache: what is stored must be what the server has now, and must be the file
// this version lists (a proxy may still answer "no-cache" with an old copy: "reload" does not
// ask it to revalidate but to fetch anew). Returns the copy, and whether it is that file: a
// server already on a newer build sends another, which can be shown but not kept.
async function download(url, expected) {
  let copy;
  for (const mode of ["no-cache", "reload"]) {
    const response = await fetch(url, { cache: mode });
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    copy = await stamped(response);
    if (!expected || copy.headers.get(HASH) === expected) return { copy, listed: true };
  }
  return { copy, listed: false };
}

// The file this version lists, or an error.
async function listedFile(url) {
  const { copy, listed } = await download(url, hashes.get(url));
  if (!listed) throw new Error(`${url}: not the file of version ${PRECACHE.version}`);
  return copy;
}

// Copy into the new version's caches every file whose hash did not change, so an update costs
// only what changed; the page then asks for the rest of a saved language.
async function carryOver(oldName) {
  const code = oldName.slice(PREFIX.length).split(" ")[0];
  const newName = code === "shell" ? SHELL : PRECACHE.languages[code] && languageCache(code);
  if (!newName) return;
  const old = await caches.open(oldName);
  const cache = await caches.open(newName);
  for (const request of await old.keys()) {
    const response = await old.match(request);
    if (request.url === SAVED || response.headers.get(HASH) === hashes.get(request.url)) {
      await cache.put(request, response);
    }
  }
}

// Caches of older versions: deleted on activation, and again whenever the page asks, since a
// request the old worker was still answering can have written to one after that.
async function deleteOldCaches() {
  const old = (await caches.keys()).filter((name) => isOurs(name) && !isCurrent(name));
  await Promise.all(old.map((name) => caches.delete(name)));
  return old;
}

// Every file of the language and of the shell whose cached copy is missing or of another hash.
async function missing(code) {
  const wanted = [...PRECACHE.shell, ...PRECACHE.languages[code].files];
  const found = await Promise.all(wanted.map(([url]) => matchOurs(absolute(url))));
  return wanted.filter(([, hash], index) => found[index]?.headers.get(HASH) !== hash);
}

async function save(code) {
  const cache = await caches.open(languageCache(code));
  for (const [path, hash] of await missing(code)) {
    const url = absolute(path);
    await put(ownerOf(url), url, await listedFile(url), true);
  }
  const savedAt = new Date().toISOString();
  await cache.put(SAVED, new Response(savedAt));
  return savedAt;
}

async function status(code) {
  await deleteOldCaches();
  if (!(await caches.has(languageCache(code)))) return { saved: false, complete: false };
  const saved = await (await caches.open(languageCache(code))).match(SAVED);
  return { saved: Boolean(saved), complete: (await missing(code)).length === 0 };
}

async function matchOurs(url) {
  for (const name of (await caches.keys()).filter((key) => isOurs(key) && isCurrent(key))) {
    const response = await (await caches.open(name)).match(url);
    if (response) return response;
  }
  return undefined;
}

// The offline page of the address's language if it was cached, else of any language the reader
// visited: nothing of a language is downloaded before the reader opens a page of it.
async function offlinePage(code) {
  for (const candidate of [code, ...Object.keys(PRECACHE.languages)]) {
    const language = PRECACHE.languages[candidate];
    const response = await matchOurs(absolute(language.offline));
    if (response) {
      // Served at whatever address failed: a base makes its links start from its own folder.
      const html = (await response.text()).replace(BASE_SLOT, `<base href="${absolute(language.folder)}">`);
      return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
  }
  return Response.error();
}

// A file of this version, kept in its cache if it is not there yet; nothing if it cannot be had.
async function keep(url) {
  if (!hashes.has(url) || (await matchOurs(url))) return;
  const copy = await listedFile(url).catch(() => null);
  if (copy) await put(ownerOf(url), url, copy, true);
}

// A language the reader opens gets its offline page cached, so offline there is always an
// answer in a language they read.
const keepOfflinePage = (code) => keep(absolute(PRECACHE.languages[code].offline));

// The page a navigation opens, once it exists (engines differ in when that is); where an
// engine gives no id for it, the window at the address asked for.
async function clientOf(event) {
  const id = event.resultingClientId;
  const find = async () =>
    id
      ? self.clients.get(id)
      : (await self.clients.matchAll({ type: "window" })).find((client) => client.url === event.request.url);
  for (let waited = 0; waited < CLIENT_WAIT_MS; waited += 100) {
    const client = await find();
    if (client) return client;
    await sleep(100);
  }
  return undefined;
}

// Tell the page it shows a stored copy and, if the network answers later with a different page,
// that a newer one is ready (and stored: reloading shows it even on a slow line).
async function tellReader(event, cached, late) {
  const client = await clientOf(event);
  client?.postMessage({ type: "offline-copy", date: cached.headers.get(STORED) });
  const fresh = late && (await late.catch(() => null));
  const hash = fresh?.ok && fresh.headers.get(HASH);
  if (hash && hash !== cached.headers.get(HASH)) client?.postMessage({ type: "newer" });
}

async function page(event) {
  const { request } = event;
  const url = pageKey(request.url);
  const code = languageOf(url);
  const navigation = request.mode === "navigate";
  if (navigation) event.waitUntil(keepOfflinePage(code));
  // Past the browser's HTTP cache, which could answer with an old page: "no-cache" asks the
  // server, which answers 304 when nothing changed. A navigation's redirects are left to the
  // browser (an opaque redirect goes back as it came), so the page's address stays its own.
  const fetched = fetch(request.url, { cache: "no-cache", credentials: "same-origin", redirect: request.redirect }).then(
    async (response) => {
      // Only a whole page is kept: anything else (an error, 204 No Content, an opaque
      // redirect) goes to the browser as it came.
      if (response.status !== 200) return { response };
      const copy = await stamped(response);
      const keep = hashes.has(url) && pageKey(response.url) === url;
      return { response: copy, stored: keep && put(languageCache(code), url, copy.clone(), navigation) };
    },
  );
  // Whatever answers the reader, the network's page is kept once it arrives, however late.
  event.waitUntil(fetched.then(({ stored }) => stored).catch(() => {}));
  const network = fetched.then(({ response }) => response);
  const slow = sleep(PAGE_TIMEOUT_MS).then(() => "slow");
  const first = await Promise.race([network, slow]).catch(() => "failed");
  if (first instanceof Response) return first;
  const cached = await matchOurs(url);
  if (cached) {
    if (navigation) event.waitUntil(tellReader(event, cached, first === "slow" ? network : null));
    return cached;
  }
  if (first === "slow") {
    const late = await network.catch(() => null);
    if (late) return late;
  }
  return offlinePage(code);
}

async function asset(event) {
  const url = event.request.url.split("#")[0];
  const cached = await matchOurs(url);
  if (cached) return cached;
  const fetched = await download(url, hashes.get(url)).catch(() => null);
  if (!fetched) return fetch(event.request);
  if (fetched.listed) event.waitUntil(put(ownerOf(url), url, fetched.copy.clone()));
  return fetched.copy;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const ours = (await caches.keys()).filter((name) => isOurs(name) && !isCurrent(name));
      for (const name of ours) await carryOver(name);
      // The neutral page the quick exit opens offline: it must be there before it is needed.
      const exit = absolute(PRECACHE.exit);
      if (!(await matchOurs(exit))) await put(SHELL, exit, await listedFile(exit), true);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const old = await deleteOldCaches();
      await self.clients.claim();
      // The page that registered this worker loaded before it: keep it, and its language's
      // offline page, as a page read later is kept (the HTTP cache makes this a revalidation).
      const windows = await self.clients.matchAll({ type: "window" });
      const pages = windows.map((client) => pageKey(client.url));
      await Promise.all(pages.flatMap((url) => [keep(url), keepOfflinePage(languageOf(url))]));
      if (old.length) {
        for (const client of windows) client.postMessage({ type: "updated" });
      }
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const path = new URL(request.url).pathname;
  // Any address ending in / or .html is a page, whatever the request's mode says.
  if (request.mode === "navigate" || path.endsWith("/") || path.endsWith(".html")) {
    event.respondWith(page(event));
  } else if (hashes.has(request.url.split("#")[0])) {
    event.respondWith(asset(event));
  }
});

self.addEventListener("message", (event) => {
  const { type, language } = event.data ?? {};
  const reply = (message) => event.ports[0]?.postMessage(message);
  if (!PRECACHE.languages[language]) return reply({ ok: false });
  if (type === "save") {
    event.waitUntil(save(language).then((savedAt) => reply({ ok: true, savedAt }), () => reply({ ok: false })));
  } else if (type === "status") {
    event.waitUntil(status(language).then(reply));
  }
});
