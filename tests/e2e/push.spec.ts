import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const MEMBER = "13800000004";
const PASSWORD = "demo1234";

/**
 * The browser side of Web Push (the server side, encryption to a local receiver included, is in
 * tests/integration/push.test.ts). A push is handed to the service worker through the DevTools protocol,
 * as Chrome's push service would; the opt-in button is tried against whatever push service this Chromium has.
 */
test("push: the service worker shows a pushed notice; 我的 offers 消息提醒", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  await context.grantPermissions(["notifications"], { origin: baseURL });
  const page = await context.newPage();
  await signIn(page, MEMBER, PASSWORD);
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", undefined, {
    timeout: 60_000,
  });

  // The worker shows what arrives, in Chinese, with the page a tap opens.
  const cdp = await context.newCDPSession(page);
  const registrations = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: list }) => {
      const found = list.find(
        (r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL.startsWith(baseURL!) && !r.isDeleted,
      );
      if (found) resolve(found.registrationId);
    }),
  );
  await cdp.send("ServiceWorker.enable");
  const registrationId = await registrations;
  const payload = { title: "活动通知：推送测试", body: "本周五 15:00，党员活动室", url: "/notices" };
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin: new URL(baseURL!).origin,
    registrationId,
    data: JSON.stringify(payload),
  });
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await navigator.serviceWorker.ready)
          .getNotifications()
          .then((list) => list.map((n) => ({ title: n.title, body: n.body, data: n.data }))),
      ),
    )
    .toEqual([{ title: payload.title, body: payload.body, data: { url: "/notices" } }]);

  // The opt-in: a button that says what it does, and the state in words.
  await page.goto("/me");
  await expect(page.getByTestId("push-state")).toHaveText("未开启");
  await page.getByRole("button", { name: "开启消息提醒" }).click();
  await expect(page.getByRole("status").filter({ hasText: /消息提醒|开启失败/ })).toBeVisible({ timeout: 30_000 });
  const subscribed = await page.evaluate(async () =>
    Boolean(await (await navigator.serviceWorker.ready).pushManager.getSubscription()),
  );
  test.info().annotations.push({
    type: "push subscription in this Chromium",
    description: subscribed ? "subscribed" : "no push service: subscribe() refused",
  });
  if (subscribed) {
    await expect(page.getByTestId("push-state")).toHaveText("已开启");
    await page.getByRole("button", { name: "关闭消息提醒" }).click();
    await expect(page.getByTestId("push-state")).toHaveText("未开启");
  } else {
    // Headless Chromium without Google's push service refuses subscribe(): the person is told, nothing is stored.
    await expect(page.getByText("开启失败，请检查网络后再试。")).toBeVisible();
    await expect(page.getByTestId("push-state")).toHaveText("未开启");
  }
  await context.close();
});
