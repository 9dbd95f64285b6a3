import withPWAInit from "@ducanh2912/next-pwa";
import type { NextConfig } from "next";
import { pwaRuntimeCaching } from "./lib/pwa-caching";
import { fixedHeaders, signInPolicy } from "./lib/security-headers";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/upload-limit";

// Lets two builds (say, two e2e runs on one machine) keep apart; unset in normal use.
const distDir = process.env.NEXT_DIST_DIR || ".next";
// The service worker files are written into public/; a side build keeps its own under public/_pwa/<dir>
// and serves them at the root through the rewrites below, so one build never replaces another's worker.
const pwaDir = distDir === ".next" ? "" : `_pwa/${distDir.replace(/[^\w-]/g, "")}`;

const withPWA = withPWAInit({
  dest: pwaDir ? `public/${pwaDir}` : "public",
  // workbox-window in components/pwa/service-worker.tsx registers it and asks before taking over.
  register: false,
  reloadOnOnline: false,
  // The start URL differs per person: it is cached by the "pages" rule (emptied on sign-out), never precached
  // and never in next-pwa's own "start-url" cache, which would outlive the person.
  cacheStartUrl: false,
  dynamicStartUrl: false,
  publicExcludes: ["!noprecache/**/*", "!_pwa/**/*"],
  fallbacks: { document: "/offline" },
  workboxOptions: {
    skipWaiting: false,
    clientsClaim: true,
    runtimeCaching: pwaRuntimeCaching,
    // The static start page is the same for everyone (it fetches the person's data itself): kept at install,
    // with a new revision per build, so an updated worker fetches the page of its own build.
    additionalManifestEntries: [{ url: "/today", revision: String(Date.now()) }],
  },
});

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs", "@alicloud/dysmsapi20170525"],
  poweredByHeader: false,
  distDir,
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  async headers() {
    return [
      {
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache" },
          { key: "Service-Worker-Allowed", value: "/" },
        ],
      },
      // Pages get their CSP and Permissions-Policy from proxy.ts (a nonce per request); the sign-in page,
      // which next-auth's proxy wrapper never hands to ours, and the static start page /today, which the proxy
      // skips (a prerendered page has no nonce), get the fixed one (lib/security-headers.ts).
      { source: "/:path*", headers: fixedHeaders(process.env.NODE_ENV === "production") },
      {
        source: "/:page(login|today)",
        headers: [{ key: "Content-Security-Policy", value: signInPolicy(process.env.NODE_ENV !== "production") }],
      },
    ];
  },
  async rewrites() {
    if (!pwaDir) return [];
    return {
      beforeFiles: [
        { source: "/sw.js", destination: `/${pwaDir}/sw.js` },
        { source: "/:file(workbox-.+|fallback-.+|worker-.+|swe-worker-.+)", destination: `/${pwaDir}/:file` },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
};

const withServiceWorker = withPWA(nextConfig);

/**
 * next-pwa puts its own workbox-window script (sw-entry.js, ~2.5 KB gzipped) in front of every page's
 * bundle. components/pwa/service-worker.tsx fetches workbox-window itself once the page is up and registers
 * the worker there, so that script is taken out of the entries again: it would count on every page's budget.
 */
export default {
  ...withServiceWorker,
  webpack(config, context) {
    const out = withServiceWorker.webpack ? withServiceWorker.webpack(config, context) : config;
    if (context.isServer || typeof out.entry !== "function") return out;
    const entry = out.entry as () => Promise<Record<string, string | string[]>>;
    out.entry = async () => {
      const entries = await entry();
      for (const [name, files] of Object.entries(entries)) {
        if (Array.isArray(files))
          entries[name] = files.filter((file) => !/next-pwa[\\/]dist[\\/]sw-entry\.js$/.test(file));
      }
      return entries;
    };
    return out;
  },
} satisfies NextConfig;
