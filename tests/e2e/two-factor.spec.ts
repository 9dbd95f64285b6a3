import { expect, type Page, test } from "@playwright/test";
import { generate } from "otplib";
import { totp } from "../../lib/messages/totp";
import { shot, signIn } from "./helpers";

// A secretary no other journey signs in as: enrolling changes how this account signs in.
const phone = "13800000016";
const password = "demo1234";
const code = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

/** Signs out from 我的 and types phone and password again, which brings the code field for an enrolled account. */
async function signOutAndIn(page: Page, phone: string, password: string) {
  await page.goto("/me");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("手机号", { exact: true }).fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

test("a secretary enrols a second factor on 我的 and then signs in with password and code, or a recovery code", async ({
  page,
}) => {
  await signIn(page, phone, password);
  await page.goto("/me");
  await page.getByRole("link", { name: "两步验证" }).click();
  await expect(page.getByRole("heading", { name: `${totp.title} · ${totp.off}` })).toBeVisible();
  await page.getByRole("button", { name: "开始设置" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await expect(page.locator("svg").first()).toBeVisible();
  await shot(page, "two-factor-enrol");
  await page.getByLabel("验证码").fill(await code(secret));
  await page.getByRole("button", { name: "确认启用" }).click();
  const recovery = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(recovery).toHaveCount(10);
  // The page's own status follows the enrolment, while the codes stay on screen to be copied.
  await expect(page.getByRole("heading", { name: `${totp.title} · ${totp.on}` })).toBeVisible();
  await expect(recovery).toHaveCount(10);
  const spare = (await recovery.first().textContent())!.trim();
  await shot(page, "two-factor-recovery-codes");

  // The password alone brings the code field; a wrong code is refused in Chinese; the right one lets in.
  await signOutAndIn(page, phone, password);
  const otp = page.getByLabel("验证码或恢复码");
  await expect(otp).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await otp.fill("000000" === (await code(secret, 30)) ? "111111" : "000000");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("验证码不正确，请重试。");
  await shot(page, "two-factor-sign-in");
  // The enrolment used this step's code: the next step's code is accepted (one step ahead is allowed).
  await otp.fill(await code(secret, 30));
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));

  await signOutAndIn(page, phone, password);
  await page.getByLabel("验证码或恢复码").fill(spare);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
});
