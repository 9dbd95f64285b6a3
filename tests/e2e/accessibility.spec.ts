import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { setElderMode } from "./elder";
import { createMeeting, publishPlanViaUi, signIn } from "./helpers";

/**
 * WCAG 2.2 AA with axe-core: every page each role can reach, in normal and in elder mode, with no
 * serious or critical violation. "Every page" is found by following the app's own links from the role's
 * home, one page per route (ids and query values do not make a new route), so a new page is checked as soon
 * as something links to it.
 */

const roles = [
  {
    role: "member",
    phone: "13800000004",
    start: ["/", "/today", "/activities", "/points", "/notices", "/leave", "/me"],
  },
  { role: "secretary", phone: "13800000003", start: ["/branch", "/branch/activities", "/me"] },
  { role: "grid worker", phone: "13800000005", start: ["/grid", "/me"] },
  { role: "committee admin", phone: "13800000002", start: ["/admin", "/me"] },
  { role: "county admin", phone: "13800000001", start: ["/admin", "/admin/plans", "/admin/audit", "/me"] },
] as const;

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const MAX_ROUTES = 45;

/** `/branch/activities/12?view=x` → `/branch/activities/:id?view`: one representative per route. */
function routeOf(url: URL): string {
  const path = url.pathname.replace(/\/\d+(?=\/|$)/g, "/:id");
  const keys = [...url.searchParams.keys()].sort().join("&");
  return keys ? `${path}?${keys}` : path;
}

const skip = (url: URL) =>
  url.pathname.startsWith("/api/") ||
  url.pathname.startsWith("/c/") ||
  url.pathname.startsWith("/login") ||
  url.pathname.startsWith("/_next/") ||
  url.pathname === "/offline";

async function linksOn(page: Page, origin: string): Promise<URL[]> {
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.map((h) => new URL(h)).filter((u) => u.origin === origin && !skip(u));
}

interface Finding {
  route: string;
  url: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

async function seriousViolations(page: Page, route: string): Promise<Finding[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      route,
      url: new URL(page.url()).pathname + new URL(page.url()).search,
      id: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}

/** Visits the role's pages breadth-first and returns every serious or critical violation found. */
async function audit(page: Page, start: readonly string[]): Promise<{ visited: string[]; findings: Finding[] }> {
  const origin = new URL(page.url()).origin;
  const queue = start.map((p) => new URL(p, origin));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  while (queue.length > 0 && seen.size < MAX_ROUTES) {
    const url = queue.shift()!;
    const route = routeOf(url);
    if (seen.has(route)) continue;
    seen.add(route);
    const response = await page.goto(url.href);
    if (!response || response.status() >= 400) continue; // a 404 for another role's page is not a page of this role
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
    findings.push(...(await seriousViolations(page, route)));
    queue.push(...(await linksOn(page, origin)));
  }
  return { visited: [...seen], findings };
}

test.describe.configure({ timeout: 600_000 });

// A test rather than beforeAll: Playwright runs beforeAll again in the fresh worker after a failing test,
// and a second plan for the same month would be refused.
test("axe setup: a plan, an open lecture and a leave request, so every kind of page has something on it", async ({
  browser,
}) => {
  const county = await browser.newPage();
  await signIn(county, "13800000001", "demo1234");
  const now = new Date(Date.now() + 8 * 3600_000);
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 9, 20));
  await publishPlanViaUi(county, { title: "无障碍检查计划", startsAt: `${month.toISOString().slice(0, 10)}T09:00` });
  await county.close();

  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  const lecture = await createMeeting(secretary, {
    title: "无障碍检查党课",
    startsAt: new Date(Date.now() + 10 * 60_000),
    materials: "学习材料正文。",
  });
  await secretary.close();

  const member = await browser.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto(`/leave/new?activityId=${lecture}`);
  await member.getByLabel("请假类型").selectOption("personal");
  await member.getByLabel("请假事由").fill("外出就医");
  await member.getByRole("button", { name: "提交申请" }).click();
  await expect(member).toHaveURL(/\/leave\/\d+$/);
  await member.close();
});

for (const elder of [false, true]) {
  for (const { role, phone, start } of roles) {
    test(`axe: no serious or critical violation on any ${role} page${elder ? " in elder mode" : ""}`, async ({
      page,
    }) => {
      await signIn(page, phone, "demo1234");
      await setElderMode(page, elder);
      try {
        const { visited, findings } = await audit(page, start);
        console.log(`${role}${elder ? " (elder)" : ""}: ${visited.length} routes — ${visited.join(" ")}`);
        expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
      } finally {
        if (elder) await setElderMode(page, false);
      }
    });
  }
}

test("axe: no serious or critical violation on the signed-out pages", async ({ page }) => {
  const findings: Finding[] = [];
  for (const path of ["/login", "/activate", "/offline"]) {
    await page.goto(path);
    findings.push(...(await seriousViolations(page, path)));
  }
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
});

/**
 * Reflow (WCAG 1.4.10): at 320 CSS pixels — a 640-pixel window at 200% zoom, or a phone with the system
 * font enlarged — the pages still fit the width, in elder mode too (which enlarges everything by a further
 * 25%): nothing needs scrolling sideways.
 */
/** The deepest elements reaching past the right edge, named so a failure says what to fix. */
async function tooWide(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    if (document.documentElement.scrollWidth <= limit) return [];
    const wide = [...document.querySelectorAll<HTMLElement>("body *")].filter(
      (el) => el.getBoundingClientRect().right > limit,
    );
    const deepest = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other))).slice(0, 3);
    // An icon's path says nothing: name the control it is in.
    const named = deepest.map((el) => (el instanceof SVGElement ? (el.closest("a, button, div") as HTMLElement) : el));
    return named.map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.slice(0, 20)}"`);
  });
  return found.map((what) => `${new URL(page.url()).pathname}: ${what}`);
}

test("pages reflow at 320 px wide, in elder mode, without scrolling sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflowing: string[] = [];
  for (const { phone, start } of [roles[0], roles[1]]) {
    await signIn(page, phone, "demo1234");
    await setElderMode(page, true);
    try {
      for (const path of start) {
        await page.goto(path);
        overflowing.push(...(await tooWide(page)));
      }
      await page.goto("/activities");
      const first = page.locator('main a[href^="/activities/"]').first();
      if (await first.count()) {
        await first.click();
        await page.waitForURL(/\/activities\/\d+$/);
        overflowing.push(...(await tooWide(page)));
      }
    } finally {
      await setElderMode(page, false);
      await page.context().clearCookies();
    }
  }
  expect(overflowing).toEqual([]);
});

// Last: the leave request made for these checks is withdrawn, so the journeys after this file (which count
// the secretary's pending requests) start from the branch as they expect.
test("axe cleanup: the member withdraws the request made for the checks", async ({ page }) => {
  await signIn(page, "13800000004", "demo1234");
  await page.goto("/leave");
  await page
    .getByRole("link", { name: /无障碍检查党课/ })
    .first()
    .click();
  await page.getByRole("button", { name: "撤回申请" }).click();
  await expect(page.getByText("已撤回").first()).toBeVisible();
});
