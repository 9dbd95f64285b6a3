import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { t } from "@/lib/messages";
import { OWNER_HEADER } from "@/lib/outbox-owner";
import { createMeeting, shot, signIn } from "./helpers";

const MEMBER_A = "13800000004";
const MEMBER_A_NAME = "刘洋";
// The secretary of the same branch is a member of it too: a leave filed under the wrong person would be accepted.
const MEMBER_B = "13800000003";
const PASSWORD = "demo1234";
const REASON = "家中老人住院需要陪护";

/** Signs in without loading a page, so that the service worker first installs while this person is signed in. */
async function signInQuietly(context: BrowserContext, phone: string): Promise<void> {
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, phone, password: PASSWORD, json: "true" },
  });
  expect(response.ok()).toBe(true);
}

async function serviceWorkerControls(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", undefined, {
    timeout: 60_000,
  });
}

/** Everything the outbox holds on this phone, whoever it belongs to. */
const outboxItems = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("zhibu-outbox");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("items")) return resolve([]);
          const all = db.transaction("items").objectStore("items").getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );

/** Keys of both storages and every cached response's text (the precache too), to search for a person in. */
const deviceText = (page: Page) =>
  page.evaluate(async () => {
    const keys = [...Object.keys(localStorage), ...Object.keys(sessionStorage)];
    const bodies: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response && /text|json|x-component/.test(response.headers.get("content-type") ?? ""))
          bodies.push(`${request.url}\n${await response.text()}`);
      }
    }
    return { keys, bodies };
  });

/** The offline page as the service worker precached it. */
const precachedOfflinePage = (page: Page) =>
  page.evaluate(async () => {
    for (const name of await caches.keys()) {
      if (!name.startsWith("workbox-precache")) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys())
        if (new URL(request.url).pathname === "/offline") return (await cache.match(request))!.text();
    }
    return null;
  });

test("a shared phone: member A's queued leave is neither sent for member B nor shown to anyone after A signs out", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await signIn(secretary, MEMBER_B, PASSWORD);
  const later = await createMeeting(secretary, {
    title: "共用手机请假党课",
    startsAt: new Date(Date.now() + 3 * 86_400_000),
  });
  await secretaryContext.close();

  const context = await browser.newContext();
  const phone = await context.newPage();
  await signInQuietly(context, MEMBER_A);
  const memberA = (await (await context.request.get("/api/auth/session")).json()).user.id as number;
  await phone.goto("/");
  await serviceWorkerControls(phone);

  // Installed while A was signed in, the offline page the worker keeps is still nobody's.
  const offline = await precachedOfflinePage(phone);
  expect(offline).toContain(t.pwa.offlineTitle);
  expect(offline).not.toMatch(/userId\\?"\s*:\s*\d/);
  expect(offline).not.toContain(MEMBER_A_NAME);

  // A asks for leave with no network: it waits on the phone, and the server keeps answering 503 once back.
  await phone.goto(`/leave/new?activityId=${later}`);
  await context.setOffline(true);
  await phone.goto(`/leave/new?activityId=${later}`);
  await phone.getByLabel(t.leave.reason).fill(REASON);
  await phone.getByRole("button", { name: t.leave.submit }).click();
  await expect(phone.getByText(t.pwa.queued)).toBeVisible();
  await expect(phone.getByTestId("outbox-count")).toContainText(t.pwa.pending(1));
  let refusals = 0;
  await context.route("**/api/v1/leave-requests", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    refusals += 1;
    await route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ ok: false, code: "internal", error: t.errors.internal }),
    });
  });
  await context.setOffline(false);
  await expect.poll(() => refusals, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(await outboxItems(phone)).toEqual([expect.objectContaining({ userId: memberA, state: "pending" })]);

  // Signing out warns that one item is unsent; A may stay to go online first.
  await phone.goto("/me");
  await phone.getByRole("button", { name: t.auth.signOut }).click();
  const warning = phone.getByRole("alertdialog");
  await expect(warning).toContainText(t.auth.unsentTitle(1));
  await expect(warning).toContainText(t.auth.unsentBody);
  await shot(phone, "sign-out-unsent");
  await warning.getByRole("button", { name: t.auth.unsentStay }).click();
  await expect(phone.getByRole("button", { name: t.auth.signOut })).toBeVisible();
  expect(await outboxItems(phone)).toHaveLength(1);

  // A signs out anyway: the item goes with everything else of A.
  await phone.getByRole("button", { name: t.auth.signOut }).click();
  await phone.getByRole("alertdialog").getByRole("button", { name: t.auth.unsentDiscard }).click();
  await phone.waitForURL(/\/login/);
  expect(await outboxItems(phone)).toEqual([]);
  const left = await deviceText(phone);
  expect(left.keys.filter((k) => k.startsWith("zhibu:person:") || k === "zhibu:last-user")).toEqual([]);
  expect(left.bodies.filter((b) => b.includes(REASON) || b.includes(MEMBER_A_NAME))).toEqual([]);

  // A signed-out visitor offline sees the offline page and nothing of A.
  await context.setOffline(true);
  await phone.goto(`/leave/new?activityId=${later}`);
  await expect(phone.getByRole("heading", { name: t.pwa.offlineTitle })).toBeVisible();
  await expect(phone.getByText(REASON)).toHaveCount(0);
  await expect(phone.getByText(MEMBER_A_NAME)).toHaveCount(0);
  await expect(phone.getByTestId("outbox-count")).toHaveCount(0);

  // B signs in on the same phone, meets the offline page, then goes online: nothing of A is shown or sent.
  await context.setOffline(false);
  await context.unroute("**/api/v1/leave-requests");
  const posted: string[] = [];
  context.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/api/v1/")) posted.push(new URL(request.url()).pathname);
  });
  await signIn(phone, MEMBER_B, PASSWORD);
  await context.setOffline(true);
  await phone.goto("/points");
  await expect(phone.getByRole("heading", { name: t.pwa.offlineTitle })).toBeVisible();
  await expect(phone.getByTestId("outbox-count")).toHaveCount(0);
  await expect(phone.getByText(REASON)).toHaveCount(0);
  await shot(phone, "shared-phone-offline-b");
  await context.setOffline(false);
  await phone.goto("/");
  await phone.goto("/leave");
  await expect(phone.getByText(REASON)).toHaveCount(0);
  expect(await outboxItems(phone)).toEqual([]);
  const mine = (await (await context.request.get("/api/v1/leave-requests")).json()).data as { activityId: number }[];
  expect(mine.filter((l) => l.activityId === later)).toEqual([]);
  expect(posted).toEqual([]);

  // And were an item of A's still sent with B signed in, the server would refuse to file it for B.
  const stale = await context.request.post("/api/v1/leave-requests", {
    data: { clientId: crypto.randomUUID(), activityId: later, type: "sick", reason: REASON },
    headers: { Origin: baseURL!, [OWNER_HEADER]: String(memberA) },
  });
  expect(stale.status()).toBe(403);
  expect(await stale.json()).toMatchObject({ ok: false, error: t.errors.notOwner });
  const after = (await (await context.request.get("/api/v1/leave-requests")).json()).data as { activityId: number }[];
  expect(after.filter((l) => l.activityId === later)).toEqual([]);
  await context.close();
});

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

test("a leave request with a photo waits offline with its file and arrives as one multipart request", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await signIn(secretary, MEMBER_B, PASSWORD);
  const later = await createMeeting(secretary, {
    title: "离线附件请假党课",
    startsAt: new Date(Date.now() + 4 * 86_400_000),
  });

  const context = await browser.newContext();
  const phone = await context.newPage();
  await signIn(phone, MEMBER_A, PASSWORD);
  await serviceWorkerControls(phone);
  await phone.goto(`/leave/new?activityId=${later}`);
  await context.setOffline(true);
  await phone.goto(`/leave/new?activityId=${later}`);
  await phone.getByLabel(t.leave.reason).fill("住院，附诊断证明");
  await phone.getByLabel(t.leave.attachment).setInputFiles({ name: "note.png", mimeType: "image/png", buffer: png });
  await phone.getByRole("button", { name: t.leave.submit }).click();
  await expect(phone.getByText(t.pwa.queued)).toBeVisible();
  const [queued] = (await outboxItems(phone)) as { files?: { attachment?: { name: string; blob: Blob } } }[];
  expect(queued.files?.attachment?.name).toBe("note.png");

  const sent: { type: string; body: Buffer | null }[] = [];
  context.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/v1/leave-requests"))
      sent.push({ type: request.headers()["content-type"] ?? "", body: request.postDataBuffer() });
  });
  await context.setOffline(false);
  await expect(phone.getByRole("status").filter({ hasText: `${t.pwa.kinds.leave} ${t.pwa.sent}` })).toBeVisible({
    timeout: 20_000,
  });
  expect(sent).toHaveLength(1);
  expect(sent[0].type).toMatch(/^multipart\/form-data/);
  // Once answered, the phone keeps only the answer: neither the reason nor the file.
  expect(await outboxItems(phone)).toEqual([expect.objectContaining({ state: "sent", body: {} })]);
  expect(JSON.stringify(await outboxItems(phone))).not.toContain("住院");

  const mine = (await (await context.request.get("/api/v1/leave-requests")).json()).data as {
    activityId: number;
    id: number;
  }[];
  const filed = mine.filter((l) => l.activityId === later);
  expect(filed).toHaveLength(1);
  const file = await secretary.request.get(`/api/v1/leave-requests/${filed[0].id}/attachment`);
  expect(file.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await file.body()).equals(png)).toBe(true);

  // Withdrawn again: the journeys after this one count the branch's pending requests.
  await phone.goto(`/leave/${filed[0].id}`);
  await phone.getByRole("button", { name: t.leave.withdraw }).click();
  await expect(phone.getByText(t.leave.status.withdrawn).first()).toBeVisible();
  await context.close();
  await secretaryContext.close();
});
