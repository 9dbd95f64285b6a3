import { expect, test } from "@playwright/test";
import { audit } from "../../lib/messages/audit";
import { shot, signIn } from "./helpers";

test("five wrong passwords lock the number, and the form says so in Chinese", async ({ page }) => {
  // A number with no account: the lock must look the same as for a real one, and no later journey uses it.
  await page.goto("/login");
  const alert = page.getByRole("main").getByRole("alert");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("手机号", { exact: true }).fill("13912340000");
    await page.getByLabel("密码", { exact: true }).fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(alert).toHaveText(
      i < 5 ? "手机号或密码不正确。" : /^登录失败次数过多，该账号已暂时锁定，请 1[45] 分钟后再试/,
    );
  }
  await expect(page).toHaveURL(/\/login/);
  await shot(page, "login-locked");
});

test("pages carry a nonce CSP that their own scripts satisfy, and the other security headers", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text()))
      violations.push(message.text());
  });

  const login = await page.goto("/login");
  const loginHeaders = login!.headers();
  expect(loginHeaders["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(loginHeaders["x-content-type-options"]).toBe("nosniff");
  expect(loginHeaders["referrer-policy"]).toBe("same-origin");
  expect(loginHeaders["permissions-policy"]).toBe("camera=(self), microphone=(), geolocation=(), payment=(), usb=()");

  await signIn(page, "13800000003", "demo1234");
  const home = await page.goto("/");
  const csp = home!.headers()["content-security-policy"];
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Next put this request's nonce on its scripts; a second request gets another one.
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.scripts].every((s) => s.src !== "" || s.nonce !== ""))).toBe(true);
  const again = (await page.request.get("/")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce!);
  // One policy for every page (the scanner is reached by client-side navigation from any of them).
  expect(home!.headers()["permissions-policy"]).toBe(loginHeaders["permissions-policy"]);

  // The pages people use most, including the check-in QR screen (SVG markup) and client-side navigation.
  for (const path of ["/branch/activities", "/points", "/me", "/activities"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
  }
  await page.getByRole("link", { name: "首页" }).click();
  await expect(page).toHaveURL(/\/$/);
  // Whichever page the app was opened on, the scanner may ask for the camera, and nothing else may.
  const allowed = (feature: string) =>
    page.evaluate(
      (f) =>
        (document as Document & { featurePolicy: { allowsFeature(f: string): boolean } }).featurePolicy.allowsFeature(
          f,
        ),
      feature,
    );
  expect([await allowed("camera"), await allowed("microphone"), await allowed("geolocation")]).toEqual([
    true,
    false,
    false,
  ]);
  expect(violations).toEqual([]);
});

test("write endpoints refuse a request from another origin", async ({ page, baseURL }) => {
  await signIn(page, "13800000004", "demo1234");
  for (const url of ["/api/v1/checkins", "/api/v1/leave-requests", "/api/v1/volunteer-hours"]) {
    const foreign = await page.request.post(url, { data: {}, headers: { Origin: "https://evil.example" } });
    expect(foreign.status(), url).toBe(403);
    expect((await foreign.json()).error).toBe("请求来源无效。");
    const own = await page.request.post(url, { data: {}, headers: { Origin: baseURL! } });
    expect(own.status(), url).toBe(400);
  }
});

test("an admin can end a person's sessions from the org page", async ({ page }) => {
  await signIn(page, "13800000001", "demo1234");
  await page.goto("/admin");
  await page
    .getByRole("link", { name: /城关镇东街社区党支部/ })
    .first()
    .click();
  await page.getByRole("button", { name: "结束登录 张志强" }).click();
  await expect(page.getByText("已结束该账号在所有设备上的登录，1 分钟内生效。")).toBeVisible();
  await page.goto("/admin/audit");
  const entries = page.getByRole("main").getByRole("listitem");
  await expect(entries.filter({ hasText: audit.actions["auth.end_sessions"] }).first()).toBeVisible();
  // Officials read names, never the codes behind them.
  await expect(entries.filter({ hasText: /[a-z]+\.[a-z_]+/ })).toHaveCount(0);
  await shot(page, "end-sessions-audit");
});

test("phones are masked until a secretary asks, and a member downloads their own data", async ({ page, browser }) => {
  await signIn(page, "13800000003", "demo1234");
  await page.goto("/branch");
  await page.getByRole("link", { name: /刘洋/ }).first().click();
  await expect(page.getByText("138****0004")).toBeVisible();
  await page.getByRole("button", { name: "显示完整号码" }).click();
  await expect(page.getByText("13800000004")).toBeVisible();

  const context = await browser.newContext();
  const member = await context.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto("/me");
  const download = member.waitForEvent("download");
  await member.getByRole("link", { name: "下载我的数据" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^zhibu-my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await (await import("node:fs/promises")).readFile((await file.path())!, "utf8"));
  expect(data.account).toMatchObject({ phone: "13800000004", name: "刘洋" });
  expect(JSON.stringify(data)).not.toContain("argon2");
  await context.close();
});
