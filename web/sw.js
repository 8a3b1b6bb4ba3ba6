// The playground's service worker: once the page has been opened, the whole site works offline.
// This file is a template: the build (Trunk's post_build hook, scripts/offline.sh) writes it
// into the site with the site's files and a version made from their contents. Each version has
// a cache of its own; an update installs the new one and drops the old ones of this folder.
'use strict';
const VERSION = '__VERSION__';
const FILES = __FILES__;
// Copies of the site in other folders of the same origin keep caches of their own.
const PREFIX = `asyncio-playground ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
// Trunk's hashed names (name-0123456789abcdef.ext) never change content: served from the cache.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/** From the network, and the cache when the network fails (offline, or a bad connection). */
async function networkFirst(request, key) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(key, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself, whatever its query: fresh when online (a new version's file names), cached offline.
    event.respondWith(networkFirst(request, new URL('./', self.registration.scope).href));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)));
  } else {
    event.respondWith(networkFirst(request, request));
  }
});
