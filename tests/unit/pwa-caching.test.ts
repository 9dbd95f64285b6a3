import { describe, expect, it } from "vitest";
import { PERSON_CACHE_PREFIX, pwaRuntimeCaching } from "@/lib/pwa-caching";

type Match = (ctx: { url: URL; request: Request; sameOrigin: boolean }) => boolean;

/** The first rule that takes a request, as Workbox picks it (GET only unless a rule says otherwise). */
function ruleFor(path: string, init: { method?: string; mode?: RequestMode; headers?: Record<string, string> } = {}) {
  const url = new URL(path, "https://zhibu.example");
  const request = {
    method: init.method ?? "GET",
    mode: init.mode ?? "cors",
    headers: new Headers(init.headers),
    url: url.href,
  } as unknown as Request;
  return pwaRuntimeCaching.find(
    (rule) =>
      (rule.method ?? "GET") === request.method && (rule.urlPattern as Match)({ url, request, sameOrigin: true }),
  );
}

describe("service worker runtime caching", () => {
  it("never caches sign-in and session traffic", () => {
    expect(ruleFor("/api/auth/session")?.handler).toBe("NetworkOnly");
    expect(ruleFor("/api/auth/callback/credentials")?.handler).toBe("NetworkOnly");
  });

  it("never caches a write", () => {
    expect(ruleFor("/api/v1/checkins", { method: "POST" })).toBeUndefined();
    expect(ruleFor("/leave/new", { method: "POST", mode: "navigate" })).toBeUndefined();
  });

  it("keeps each person's pages and reads network first, in caches that sign-out empties", () => {
    for (const rule of [
      ruleFor("/", { mode: "navigate" }),
      ruleFor("/activities/7", { headers: { RSC: "1" } }),
      ruleFor("/api/v1/leave-requests"),
    ]) {
      expect(rule?.handler).toBe("NetworkFirst");
      expect(rule?.options?.cacheName?.startsWith(PERSON_CACHE_PREFIX)).toBe(true);
      expect(rule?.options?.networkTimeoutSeconds).toBeLessThanOrEqual(5);
      expect(rule?.options?.cacheableResponse?.statuses).toEqual([200]);
    }
  });

  it("serves built assets and icons cache first, outside the person's caches", () => {
    for (const path of ["/_next/static/chunks/app.js", "/icons/icon-192.png"]) {
      const rule = ruleFor(path);
      expect(rule?.handler).toBe("CacheFirst");
      expect(rule?.options?.cacheName?.startsWith(PERSON_CACHE_PREFIX)).toBe(false);
    }
  });

  it("skips router prefetches", () => {
    expect(ruleFor("/activities/7", { headers: { RSC: "1", "Next-Router-Prefetch": "1" } })).toBeUndefined();
  });
});
