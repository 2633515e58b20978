/*
 * phuluc's service worker (the release's sw.js, beside index.html; its scope is that folder). The build
 * (scripts/webapp-plugins.js) puts in the list of the web app's files and a version made from their
 * contents. It makes the web app work with no network after one visit:
 * - install: every file of the web app is fetched (bypassing the HTTP cache) into the cache "phuluc-<version>";
 * - activate: caches of older releases are deleted, except the one before (a page still open on it may
 *   load one of its lazy files);
 * - fetch: index.html (the folder's address, with any query) from this release's cache; the web app's other
 *   files (and hashed scripts of the release before) from the caches, else the network; anything else (the
 *   add-in's taskpane.html, commands.html, manifest.xml, the zip) goes to the network untouched.
 * A new release installs in the background and waits until the page asks it to take over
 * (src/webapp/sw-register.ts), so an open page never mixes two releases.
 */
"use strict";

const RELEASE = /*@PHULUC_PRECACHE@*/ { version: "dev", files: ["index.html"] };
const PREFIX = "phuluc-";
const CACHE = PREFIX + RELEASE.version;
const SKIP_WAITING = "phuluc:skip-waiting";

/** The scope's folder address ("https://host/path/"). */
const scope = () => new URL("./", self.registration.scope).href;

/** A request's address without query or fragment, relative to the scope ("" for the folder itself), or null outside it. */
function inScope(url) {
  const u = new URL(url);
  u.search = "";
  u.hash = "";
  const base = scope();
  return u.href.startsWith(base) ? u.href.slice(base.length) : null;
}

const precached = new Set(RELEASE.files);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(RELEASE.files.map((f) => new Request(new URL(f, scope()).href, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const ours = keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE);
        // Keep the release before this one (the last created): a page still open on it may need its files.
        return Promise.all(ours.slice(0, -1).map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === SKIP_WAITING) self.skipWaiting();
});

/** index.html of this release. */
function appPage() {
  return caches.open(CACHE).then((cache) => cache.match(new URL("index.html", scope()).href));
}

/** A file of the web app: from this release's cache, else the one before (a page still open on it), else the network. */
function appFile(request, path) {
  const url = new URL(path, scope()).href;
  return caches
    .open(CACHE)
    .then((cache) => cache.match(url))
    .then((hit) => hit || caches.match(url))
    .then((hit) => hit || fetch(request));
}

/** A content-hashed script name (never changes content): an older release's, still open in a page, may be cached. */
const HASHED_SCRIPT = /^[\w-]+\.[0-9a-f]{8}(\.chunk)?\.js$/;

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = inScope(request.url);
  if (path === null) return;
  if (path === "" || path === "index.html") {
    event.respondWith(appPage().then((hit) => hit || fetch(request)));
    return;
  }
  if (precached.has(path) || HASHED_SCRIPT.test(path)) event.respondWith(appFile(request, path));
});
