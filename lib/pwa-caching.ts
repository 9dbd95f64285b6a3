import type { RuntimeCaching } from "workbox-build";

/**
 * What the service worker caches at run time (docs/architecture.md#offline). Workbox copies each `urlPattern` function
 * into
 * sw.js by its source text, so they must not use anything from outside their own body.
 *
 * - Sign-in and session traffic (/api/auth/*) goes to the network only, and so does every POST: Workbox
 *   matches GET requests unless told otherwise, and no rule here says otherwise.
 * - Each person's pages and /api/v1 reads: network first with a short time-out, so a weak signal falls back
 *   to the copy from the last visit. These caches are named `zhibu-person-*` and are emptied on sign-out
 *   and when a different person signs in on the same phone (components/pwa/clear-person-caches.ts).
 * - The start page's read (/api/v1/today) goes to the network only: the page keeps its own copy, for its owner
 *   alone (components/today/today-copy.ts), and a copy here would answer for whoever is signed in.
 * - Built assets and icons: cache first; their URLs change with their contents.
 */

export const PERSON_CACHE_PREFIX = "zhibu-person-";

export const pwaRuntimeCaching: RuntimeCaching[] = [
  {
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/api/auth/"),
    handler: "NetworkOnly",
  },
  {
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === "/api/v1/today",
    handler: "NetworkOnly",
  },
  {
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
    handler: "CacheFirst",
    options: { cacheName: "zhibu-static", expiration: { maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 } },
  },
  {
    urlPattern: ({ url, sameOrigin }) =>
      sameOrigin && /\.(?:png|svg|ico|webp|jpg|jpeg|woff2?)$/i.test(url.pathname) && !url.pathname.startsWith("/api/"),
    handler: "CacheFirst",
    options: { cacheName: "zhibu-assets", expiration: { maxEntries: 64, maxAgeSeconds: 30 * 24 * 3600 } },
  },
  {
    urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/api/v1/"),
    handler: "NetworkFirst",
    options: {
      cacheName: "zhibu-person-data",
      networkTimeoutSeconds: 3,
      cacheableResponse: { statuses: [200] },
      expiration: { maxEntries: 64, maxAgeSeconds: 7 * 24 * 3600 },
    },
  },
  {
    // Client-side navigations fetch the page as an RSC payload; prefetches are skipped to keep the cache small.
    urlPattern: ({ request, url, sameOrigin }) =>
      sameOrigin &&
      request.headers.get("RSC") === "1" &&
      request.headers.get("Next-Router-Prefetch") !== "1" &&
      !url.pathname.startsWith("/api/"),
    handler: "NetworkFirst",
    options: {
      cacheName: "zhibu-person-rsc",
      networkTimeoutSeconds: 3,
      cacheableResponse: { statuses: [200] },
      expiration: { maxEntries: 64, maxAgeSeconds: 7 * 24 * 3600 },
    },
  },
  {
    // Whole pages. Redirects (to the sign-in page) are not kept: only a 200 is the person's page.
    urlPattern: ({ request, url, sameOrigin }) =>
      sameOrigin && request.mode === "navigate" && !url.pathname.startsWith("/api/"),
    handler: "NetworkFirst",
    options: {
      cacheName: "zhibu-person-pages",
      networkTimeoutSeconds: 3,
      cacheableResponse: { statuses: [200] },
      expiration: { maxEntries: 64, maxAgeSeconds: 7 * 24 * 3600 },
    },
  },
];
