import { readFileSync, writeFileSync } from "node:fs";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { createMeeting, currentCode, shot, signIn } from "./helpers";

const SECRETARY = "13800000003";
const MEMBER = "13800000004";
const PASSWORD = "demo1234";

/** Waits until the service worker has installed (precached the shell) and controls this page. */
async function serviceWorkerControls(page: Page): Promise<string | undefined> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", undefined, {
    timeout: 60_000,
  });
  return page.evaluate(() => navigator.serviceWorker.controller?.state);
}

const personCaches = (page: Page) =>
  page.evaluate(async () =>
    (await caches.keys()).filter((name) => name.startsWith("zhibu-person-") || name === "start-url"),
  );
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      if (!name.startsWith("workbox-precache"))
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });

/** Posts a body again exactly as the outbox would, to show a replay never makes a second record. */
async function replayByHand(context: BrowserContext, baseURL: string, url: string, body: unknown) {
  const response = await context.request.post(url, { data: body, headers: { Origin: baseURL } });
  return { status: response.status(), answer: await response.json() };
}

test("offline: the app is installable, pages load from cache, check-in and leave wait in the outbox and arrive once, sign-out clears the cache", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await signIn(secretary, SECRETARY, PASSWORD);
  const lecture = await createMeeting(secretary, {
    title: "离线签到党课",
    startsAt: new Date(Date.now() + 5 * 60_000),
  });
  const later = await createMeeting(secretary, {
    title: "离线请假党课",
    startsAt: new Date(Date.now() + 3 * 86_400_000),
  });

  // Installable: a manifest in Chinese with maskable icons and the two shortcuts.
  const manifest = await (await secretary.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "支部", lang: "zh-CN", display: "standalone", theme_color: "#b91c1c" });
  expect(manifest.icons.filter((i: { purpose: string }) => i.purpose === "maskable").length).toBeGreaterThanOrEqual(2);
  expect(manifest.shortcuts.map((s: { name: string }) => s.name)).toEqual(["签到", "请假"]);
  expect((await secretary.request.get("/icons/maskable-512.png")).headers()["content-type"]).toBe("image/png");

  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, MEMBER, PASSWORD);
  expect(await serviceWorkerControls(member)).toBe("activated");

  // Visit the pages once online so the service worker keeps them (network first, cached copy for later).
  await member.goto("/");
  await member.goto(`/activities/${lecture}`);
  await member.goto(`/leave/new?activityId=${later}`);
  await expect
    .poll(() => cachedUrls(member))
    .toEqual(expect.arrayContaining(["/", `/activities/${lecture}`, "/leave/new"]));
  // Sign-in traffic is never cached.
  expect((await cachedUrls(member)).some((u) => u.startsWith("/api/auth/"))).toBe(false);

  // Offline: the member home and the next activity come from the cache.
  await context.setOffline(true);
  await member.goto("/");
  await expect(member.getByText("刘洋")).toBeVisible();
  await expect(member.getByText("下一次活动").or(member.getByText("离线签到党课")).first()).toBeVisible();
  await shot(member, "offline-home");
  await member.goto(`/activities/${lecture}`);
  await expect(member.getByRole("heading", { name: "离线签到党课" })).toBeVisible();

  // A page never visited falls back to the offline page.
  await member.goto("/points");
  await expect(member.getByRole("heading", { name: "当前离线" })).toBeVisible();
  await shot(member, "offline-fallback");

  // A check-in typed offline waits in the outbox, with its scan time.
  await member.goto(`/activities/${lecture}`);
  await secretary.goto(`/branch/activities/${lecture}/checkin`);
  const code = await currentCode(secretary);
  const sent: { url: string; body: unknown }[] = [];
  context.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/api/v1/"))
      sent.push({ url: new URL(request.url()).pathname, body: request.postDataJSON() });
  });
  await member.getByLabel("输入 6 位签到码").fill(code);
  await member.getByRole("button", { name: "签到", exact: true }).click();
  await expect(member.getByRole("status").filter({ hasText: "已保存在本机" })).toBeVisible();
  await expect(member.getByTestId("outbox-count")).toHaveText(/1 条待同步/);
  await member.getByTestId("outbox-count").click();
  await shot(member, "offline-checkin-pending");

  // Back online: the outbox replays on `online` and the answer is shown.
  await context.setOffline(false);
  await expect(member.getByRole("status").filter({ hasText: "签到 已同步" })).toContainText("签到成功", {
    timeout: 20_000,
  });
  await expect(member.getByTestId("outbox-count")).toHaveCount(0);
  await shot(member, "offline-checkin-synced");

  // The server is asked a second time with the same client id: the same answer, still one record.
  const checkin = sent.find((s) => s.url === "/api/v1/checkins")!;
  expect(checkin.body).toMatchObject({ activityId: lecture, code, scannedAt: expect.any(String) });
  const again = await replayByHand(context, baseURL!, "/api/v1/checkins", checkin.body);
  expect(again.status).toBe(200);
  expect(again.answer.ok).toBe(true);
  await secretary.goto(`/branch/activities/${lecture}/checkin`);
  await expect(secretary.getByTestId("checkin-counts")).toContainText("出席1");
  await member.getByRole("button", { name: "知道了" }).click();

  // A leave request offline waits too; a server answering 503 keeps it until it answers with success.
  await context.setOffline(true);
  await member.goto(`/leave/new?activityId=${later}`);
  await member.getByLabel("请假事由").fill("出差在外，无法参加");
  await member.getByRole("button", { name: "提交申请" }).click();
  await expect(member.getByText("已保存在本机，联网后自动提交。")).toBeVisible();
  await expect(member.getByTestId("outbox-count")).toHaveText(/1 条待同步/);

  let refusals = 0;
  await context.route("**/api/v1/leave-requests", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    refusals += 1;
    await route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ ok: false, code: "unavailable", error: "服务暂不可用" }),
    });
  });
  await context.setOffline(false);
  await expect.poll(() => refusals, { timeout: 20_000 }).toBeGreaterThan(0);
  await member.getByTestId("outbox-count").click();
  await expect(member.getByText(/上次结果：503/)).toBeVisible();
  await expect(member.getByTestId("outbox-count")).toHaveText(/1 条待同步/);
  await shot(member, "offline-leave-503");

  await context.unroute("**/api/v1/leave-requests");
  await member.getByRole("button", { name: "立即同步" }).click();
  await expect(member.getByRole("status").filter({ hasText: "请假 已同步" })).toBeVisible({ timeout: 20_000 });
  await expect(member.getByTestId("outbox-count")).toHaveCount(0);

  const leave = sent.filter((s) => s.url === "/api/v1/leave-requests");
  expect(new Set(leave.map((s) => (s.body as { clientId: string }).clientId)).size).toBe(1);
  const leaveAgain = await replayByHand(context, baseURL!, "/api/v1/leave-requests", leave[0].body);
  expect(leaveAgain.status).toBe(200);
  const mine = await (await context.request.get("/api/v1/leave-requests")).json();
  const forLater = (mine.data as { activityId: number; id: number }[]).filter((l) => l.activityId === later);
  expect(forLater).toHaveLength(1);
  expect(leaveAgain.answer.data.id).toBe(forLater[0].id);

  // Signing out empties this person's cache: offline, the next person sees the offline page, not theirs.
  expect((await personCaches(member)).length).toBeGreaterThan(0);
  await member.goto("/me");
  await member.getByRole("button", { name: "退出登录" }).click();
  await member.waitForURL(/\/login/);
  expect(await cachedUrls(member)).not.toContain("/");
  await context.setOffline(true);
  await member.goto("/");
  await expect(member.getByRole("heading", { name: "当前离线" })).toBeVisible();
  await expect(member.getByText("刘洋")).toHaveCount(0);

  await context.close();
  await secretaryContext.close();
});

test("a new version waiting is offered with a button, and reloads only when asked", async ({ browser }) => {
  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, MEMBER, PASSWORD);
  await serviceWorkerControls(member);
  const first = await member.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

  // A second deployment, as the browser sees it: the worker script at /sw.js changes on the server (the file
  // this run's build wrote, see next.config.ts), and the page checks for an update.
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const file = dist === ".next" ? "public/sw.js" : `public/_pwa/${dist.replace(/[^\w-]/g, "")}/sw.js`;
  const original = readFileSync(file, "utf8");
  try {
    writeFileSync(file, `${original}\n// next deployment ${Date.now()}\n`);
    await member.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  } finally {
    writeFileSync(file, original);
  }
  const banner = member.getByRole("status").filter({ hasText: "新版本已就绪" });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await shot(member, "update-ready");

  // Nothing happens by itself: the person may be typing. "稍后" hides it; "更新" reloads into the new worker.
  await member.waitForTimeout(1_000);
  await expect(banner).toBeVisible();
  const reloaded = member.waitForEvent("load");
  await banner.getByRole("button", { name: "更新" }).click();
  await reloaded;
  await expect(banner).toHaveCount(0);
  expect(await member.evaluate(() => navigator.serviceWorker.controller?.state)).toBe("activated");
  expect(
    await member.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state ?? null)),
  ).toBeNull();
  expect(first).toContain("/sw.js");
  await context.close();
});
