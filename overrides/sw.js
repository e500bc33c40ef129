// Fristed's service worker. It knows nothing of the build or of the page: what to cache comes
// from sw-precache.js, written at build time, and the page talks to it only by messages.
//
// - Pages: network first, with a short timeout, so an online reader always gets current phone
//   numbers and a slow connection still gets a page fast; then the cache; then the offline page
//   of the best language available.
// - Other files: from the cache, by the content hash in the precache list; else the network.
// - Caches are named after this worker's scope, so mirrors sharing an origin never touch each
//   other's, and after the version, so a new build replaces them.
importScripts("sw-precache.js");

const PRECACHE = self.FRISTED_PRECACHE;
const SCOPE = self.registration.scope;
const PREFIX = `fristed ${SCOPE} `;
const SHELL = `${PREFIX}shell ${PRECACHE.version}`;
const META = new URL(".fristed-meta", SCOPE).href;
const PAGE_TIMEOUT_MS = 3000;

const absolute = (path) => new URL(path, SCOPE).href;
const languageCache = (code) => `${PREFIX}${code} ${PRECACHE.version}`;
const isOurs = (name) => name.startsWith(PREFIX);
const isCurrent = (name) => name === SHELL || Object.keys(PRECACHE.languages).some((code) => name === languageCache(code));
const hashes = new Map(
  [PRECACHE.shell, ...Object.values(PRECACHE.languages).map((language) => language.files)]
    .flat()
    .map(([url, hash]) => [absolute(url), hash]),
);
// Which window was answered from the cache, and with a copy saved when: the page asks, to say so.
const answeredFromCache = new Map();

function languageOf(url) {
  const path = url.slice(SCOPE.length);
  const code = Object.keys(PRECACHE.languages).find(
    (candidate) => PRECACHE.languages[candidate].folder && path.startsWith(PRECACHE.languages[candidate].folder),
  );
  return code ?? PRECACHE.default;
}

function pageKey(url) {
  const clean = new URL(url);
  clean.search = "";
  clean.hash = "";
  return clean.pathname.endsWith("/") ? `${clean.href}index.html` : clean.href;
}

async function readMeta(cache) {
  const response = await cache.match(META);
  return response ? response.json() : { saved: false, savedAt: null, hashes: {} };
}

function writeMeta(cache, meta) {
  return cache.put(META, new Response(JSON.stringify(meta), { headers: { "Content-Type": "application/json" } }));
}

async function store(cache, url, response) {
  await cache.put(url, response);
  const meta = await readMeta(cache);
  meta.hashes[url] = hashes.get(url) ?? null;
  await writeMeta(cache, meta);
}

async function download(cache, url) {
  // Past the HTTP cache: what is saved must be what the server has now.
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await store(cache, url, response);
}

// Shared files are cached as pages load them; saving a language fetches the rest (search,
// icons), so a visit that saves nothing costs no more data than the pages themselves.
async function fillShell(urls = PRECACHE.shell.map(([url]) => url)) {
  const cache = await caches.open(SHELL);
  for (const url of urls.map(absolute)) {
    if (!(await cache.match(url))) await download(cache, url);
  }
}

// Copy into the new version's caches every file whose hash did not change, so an update costs
// only what changed; the page then asks for the rest of a saved language.
async function carryOver(oldName) {
  const old = await caches.open(oldName);
  const code = oldName.slice(PREFIX.length).split(" ")[0];
  const newName = code === "shell" ? SHELL : PRECACHE.languages[code] && languageCache(code);
  if (!newName) return;
  const oldMeta = await readMeta(old);
  const cache = await caches.open(newName);
  const meta = await readMeta(cache);
  meta.saved ||= oldMeta.saved;
  meta.savedAt ||= oldMeta.savedAt;
  for (const [url, hash] of Object.entries(oldMeta.hashes)) {
    const response = hash && hashes.get(url) === hash && (await old.match(url));
    if (response) {
      await cache.put(url, response);
      meta.hashes[url] = hash;
    }
  }
  await writeMeta(cache, meta);
}

// Caches of older versions: deleted on activation, and again whenever the page asks, since a
// request the old worker was still answering can have written to one after that.
async function deleteOldCaches() {
  const old = (await caches.keys()).filter((name) => isOurs(name) && !isCurrent(name));
  await Promise.all(old.map((name) => caches.delete(name)));
  return old;
}

async function save(code) {
  const language = PRECACHE.languages[code];
  const cache = await caches.open(languageCache(code));
  await fillShell();
  const meta = await readMeta(cache);
  for (const [url, hash] of language.files) {
    if (meta.hashes[absolute(url)] !== hash || !(await cache.match(absolute(url)))) await download(cache, absolute(url));
  }
  const done = await readMeta(cache);
  done.saved = true;
  done.savedAt = new Date().toISOString();
  await writeMeta(cache, done);
  return done.savedAt;
}

async function status(code, clientId) {
  await deleteOldCaches();
  const language = PRECACHE.languages[code];
  const cache = await caches.open(languageCache(code));
  const meta = await readMeta(cache);
  const complete = language.files.every(([url, hash]) => meta.hashes[absolute(url)] === hash);
  return { saved: meta.saved, savedAt: meta.savedAt, complete, fromCache: answeredFromCache.get(clientId) ?? null };
}

// The offline page of the address's language if it was cached, else of any language the reader
// visited: nothing of a language is downloaded before the reader opens a page of it.
async function offlinePage(code) {
  for (const candidate of [code, ...Object.keys(PRECACHE.languages)]) {
    const language = PRECACHE.languages[candidate];
    const response = await matchOurs(absolute(language.offline));
    if (response) {
      // Served at whatever address failed: a base makes its links start from its own folder.
      const html = (await response.text()).replace('<base href="">', `<base href="${absolute(language.folder)}">`);
      return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    }
  }
  return Response.error();
}

async function matchOurs(url) {
  for (const name of (await caches.keys()).filter((key) => isOurs(key) && isCurrent(key))) {
    const response = await (await caches.open(name)).match(url);
    if (response) return response;
  }
  return undefined;
}

// A language the reader opens gets its offline page cached, so offline there is always an
// answer in a language they read.
async function keepOfflinePage(code) {
  const cache = await caches.open(languageCache(code));
  const offline = absolute(PRECACHE.languages[code].offline);
  if (!(await cache.match(offline))) await download(cache, offline).catch(() => {});
}

async function page(event) {
  const url = pageKey(event.request.url);
  const code = languageOf(url);
  const cache = await caches.open(languageCache(code));
  event.waitUntil(keepOfflinePage(code));
  // Past the browser's HTTP cache, which could answer with an old page: an online reader must
  // see today's numbers. "no-cache" asks the server, which answers 304 when nothing changed.
  const network = fetch(event.request.url, { cache: "no-cache", credentials: "same-origin" }).then((response) => {
    if (response.ok && hashes.has(url)) event.waitUntil(store(cache, url, response.clone()));
    return response;
  });
  const slow = new Promise((resolve) => setTimeout(resolve, PAGE_TIMEOUT_MS, "slow"));
  const first = await Promise.race([network, slow]).catch(() => "failed");
  if (first instanceof Response) return first;
  const cached = await matchOurs(url);
  if (cached) {
    const meta = await readMeta(cache);
    answeredFromCache.set(event.resultingClientId, meta.savedAt ?? new Date().toISOString());
    return cached;
  }
  if (first === "slow") {
    const late = await network.catch(() => null);
    if (late) return late;
  }
  return offlinePage(code);
}

async function asset(request) {
  const url = request.url.split("#")[0];
  const cached = await matchOurs(url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && hashes.has(url)) {
    const owner = PRECACHE.shell.some(([path]) => absolute(path) === url) ? SHELL : languageCache(languageOf(url));
    await store(await caches.open(owner), url, response.clone());
  }
  return response;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const ours = (await caches.keys()).filter((name) => isOurs(name) && !isCurrent(name));
      for (const name of ours) await carryOver(name);
      // The neutral page the quick exit opens offline: it must be there before it is needed.
      await fillShell([PRECACHE.exit]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const old = await deleteOldCaches();
      await self.clients.claim();
      // The page that registered this worker loaded before it: keep what that page needs too.
      const windows = await self.clients.matchAll({ type: "window" });
      await Promise.all(windows.map((client) => keepOfflinePage(languageOf(pageKey(client.url)))));
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
    event.respondWith(asset(request));
  }
});

self.addEventListener("message", (event) => {
  const { type, language } = event.data ?? {};
  const reply = (message) => event.ports[0]?.postMessage(message);
  if (!PRECACHE.languages[language]) return reply({ ok: false });
  if (type === "save") {
    event.waitUntil(save(language).then((savedAt) => reply({ ok: true, savedAt }), () => reply({ ok: false })));
  } else if (type === "status") {
    event.waitUntil(status(language, event.source?.id).then(reply));
  }
});
