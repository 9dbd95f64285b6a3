import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

const password = "demo1234";
const homes = [
  { who: "member", phone: "13800000004", url: /\/$/, see: "所在支部", tabs: ["首页", "活动", "积分", "我的"] },
  {
    who: "secretary",
    phone: "13800000003",
    url: /\/$/,
    see: "所在支部",
    tabs: ["首页", "活动", "积分", "支部", "我的"],
  },
  { who: "grid-worker", phone: "13800000005", url: /\/grid$/, see: "我负责的网格", tabs: ["网格", "我的"] },
  { who: "committee-admin", phone: "13800000002", url: /\/admin$/, see: "组织架构", tabs: ["管理", "我的"] },
  { who: "county-admin", phone: "13800000001", url: /\/admin$/, see: "审计日志", tabs: ["管理", "我的"] },
];

for (const home of homes) {
  test(`${home.who} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, home.phone, password);
    await expect(page).toHaveURL(home.url);
    await expect(page.getByText(home.see).first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(nav.getByRole("link")).toHaveText(home.tabs);
    await shot(page, `home-${home.who}`);
  });
}

test("a wrong password or an unknown phone is refused in Chinese", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  for (const [phone, pass] of [
    ["13800000004", "wrong-password"],
    ["13712345678", "demo1234"],
  ]) {
    await page.getByLabel("手机号", { exact: true }).fill(phone);
    await page.getByLabel("密码", { exact: true }).fill(pass);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("手机号或密码不正确。");
    await expect(page).toHaveURL(/\/login/);
  }
  await shot(page, "login-error");
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "13800000004", password);
  await page.getByRole("link", { name: "我的" }).click();
  await shot(page, "me");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/points");
  await expect(page).toHaveURL(/\/login/);
});
