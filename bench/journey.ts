import { randomUUID } from "node:crypto";
import { chromium } from "playwright-core";
import { OWNER_HEADER } from "../lib/outbox-owner";
import type { SeededMember } from "./county";
import type { Sent } from "./open-loop";

/**
 * A member's journey at the start of a theme day as the browser makes it, found by doing it once in Chromium:
 * open the start page (`/today`, the installed app's start URL: a static shell with whatever it fetches once
 * it is up — its one JSON read), and type the code right there (the check-in). The activity page is no longer
 * on the way (there is no "activity" step); it stays one tap away.
 * Every request that reaches the server's app code is kept as a template; static files (chunks, icons, the
 * service worker) are only counted: a returning member's phone has them cached.
 */
export type StepName = "home" | "activity" | "checkin";
export interface Step {
  name: StepName;
  requests: Sent[];
  static: number;
}
export interface Journey {
  guide: SeededMember;
  steps: Step[];
}

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const isStatic = (url: URL) =>
  /^\/(_next\/static|icons|_pwa)\/|^\/(sw\.js|manifest\.webmanifest|favicon)|^\/(workbox|worker|fallback|swe-worker)-|\.(png|svg|ico|js|css|woff2?)$/.test(
    url.pathname,
  );
// Headers the browser sends that depend on the browser or the connection, not on the request.
const DROP = new Set([
  "cookie",
  "host",
  "connection",
  "content-length",
  "accept-encoding",
  "user-agent",
  "sec-ch-ua",
  "sec-ch-ua-mobile",
  "sec-ch-ua-platform",
  "referer",
]);

function labelOf(url: URL, headers: Record<string, string>, activityId: number): string {
  const where = `${url.pathname}${url.searchParams.has("activityId") ? "?activityId" : ""}`.replace(
    `/activities/${activityId}`,
    "/activities/:id",
  );
  const kind = headers["next-router-prefetch"]
    ? "prefetch"
    : headers.rsc
      ? "rsc"
      : headers["next-action"]
        ? "action"
        : url.pathname.startsWith("/api/")
          ? "api"
          : "document";
  return `${where} (${kind}${headers["next-router-segment-prefetch"] ? ` ${headers["next-router-segment-prefetch"]}` : ""})`;
}

export async function discoverJourney(options: {
  origin: string;
  member: SeededMember;
  cookie: string;
  code: () => string;
  log: (...parts: unknown[]) => void;
}): Promise<Journey> {
  const { origin, member } = options;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
    const [name, value] = [
      options.cookie.slice(0, options.cookie.indexOf("=")),
      options.cookie.slice(options.cookie.indexOf("=") + 1),
    ];
    await context.addCookies([{ name, value, url: origin }]);
    const page = await context.newPage();
    const steps: Step[] = [];
    let current: Step | null = null;
    const pending: Promise<void>[] = [];
    page.on("request", (request) => {
      const step = current;
      if (!step) return;
      const url = new URL(request.url());
      if (url.origin !== origin) return;
      if (isStatic(url)) {
        step.static++;
        return;
      }
      pending.push(
        request.allHeaders().then((all) => {
          const headers = Object.fromEntries(Object.entries(all).filter(([k]) => !DROP.has(k) && !k.startsWith(":")));
          step.requests.push({
            label: labelOf(url, headers, member.activityId),
            method: request.method() as "GET" | "POST",
            path: `${url.pathname}${url.search}`,
            headers,
            body: request.postData() ?? undefined,
          });
        }),
      );
    });
    const settle = async () => {
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1500); // prefetches are scheduled when the browser is idle
      await page.waitForLoadState("networkidle");
      await Promise.all(pending);
    };
    const step = async (name: StepName, act: () => Promise<unknown>) => {
      current = { name, requests: [], static: 0 };
      steps.push(current);
      await act();
      await settle();
      current = null;
    };
    // The installed app's start page: a static shell and its one JSON read, with the check-in right there.
    await step("home", async () => {
      await page.goto(`${origin}/today`);
      await page
        .locator(`a[href="/activities/${member.activityId}"]`)
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
    });
    if (!(await page.locator(`a[href="/activities/${member.activityId}"]`).count())) {
      await page.screenshot({ path: "/tmp/zhibu-bench-journey.png" });
      throw new Error(
        `the start page at ${page.url()} shows no link to the guide's activity; see /tmp/zhibu-bench-journey.png`,
      );
    }
    await step("checkin", async () => {
      await page.locator("#checkin-code").fill(options.code());
      const answered = page.waitForResponse((r) => r.url().endsWith("/api/v1/checkins"));
      await page.locator("form:has(#checkin-code) button[type=submit]").click();
      const answer = await answered;
      if (answer.status() !== 200)
        throw new Error(`the guide's check-in was answered ${answer.status()}: ${await answer.text()}`);
    });
    // The document first: a step's later requests are what it makes once it is up.
    for (const s of steps)
      s.requests.sort((a, b) => Number(b.label.endsWith("(document)")) - Number(a.label.endsWith("(document)")));
    return { guide: member, steps };
  } finally {
    await browser.close();
  }
}

type Codes = { scan(activityId: number): { step: number; code: string } };
// Next checks that the `_rsc` search parameter is the hash of the router headers (a cache-busting key):
// where a header names the activity, the parameter is computed again with Next's own function.
const busting = import("next/dist/shared/lib/router/utils/cache-busting-search-param.js" as string) as Promise<{
  computeCacheBustingSearchParam: (...headers: (string | undefined)[]) => Promise<string>;
  computeLegacyCacheBustingSearchParam: (...headers: (string | undefined)[]) => string;
}>;

/** The requests of one step of the journey for `member`: their activity, their code, their session. */
export async function journeyRequests(
  journey: Journey,
  name: StepName,
  member: SeededMember,
  cookie: string,
  codes: Codes,
): Promise<Sent[]> {
  const step = journey.steps.find((s) => s.name === name)!;
  const from = String(journey.guide.activityId);
  const to = String(member.activityId);
  const swap = (text: string) =>
    text
      .replaceAll(`/activities/${from}`, `/activities/${to}`)
      .replaceAll(`activityId=${from}`, `activityId=${to}`)
      .replaceAll(`%22${from}%22`, `%22${to}%22`);
  return Promise.all(
    step.requests.map(async (template) => {
      const headers: Record<string, string> = {
        ...Object.fromEntries(Object.entries(template.headers).map(([k, v]) => [k, swap(v)])),
        cookie,
      };
      // The outbox names whose a write is (lib/outbox-owner.ts): this member's, not the guide's.
      if (headers[OWNER_HEADER] !== undefined) headers[OWNER_HEADER] = String(member.userId);
      const url = new URL(swap(template.path), "http://x");
      if (url.searchParams.has("_rsc") && from !== to) {
        const hash = await busting;
        const args = [
          headers["next-router-prefetch"],
          headers["next-router-segment-prefetch"],
          headers["next-router-state-tree"],
          headers["next-url"],
        ] as const;
        const legacy = /^[0-9a-z]{5}$/.test(url.searchParams.get("_rsc")!);
        url.searchParams.set(
          "_rsc",
          legacy
            ? hash.computeLegacyCacheBustingSearchParam(...args)
            : await hash.computeCacheBustingSearchParam(...args),
        );
      }
      let body = template.body;
      if (template.path === "/api/v1/checkins" && body) {
        const { step: codeStep, code } = codes.scan(member.activityId);
        const sent = JSON.parse(body) as Record<string, unknown>;
        body = JSON.stringify({
          ...sent,
          activityId: member.activityId,
          code,
          ...("step" in sent ? { step: codeStep } : {}),
          clientId: randomUUID(),
          scannedAt: new Date().toISOString(),
        });
      }
      return { ...template, headers, path: `${url.pathname}${url.search}`, body };
    }),
  );
}
