import { expect, test } from "@playwright/test";
import { shot } from "./helpers";

test("five wrong passwords lock the number, and the form says so in Chinese", async ({ page }) => {
  // A number with no account: the lock must look the same as for a real one, and no later journey uses it.
  await page.goto("/login");
  const alert = page.getByRole("main").getByRole("alert");
  for (let i = 1; i <= 5; i++) {
    await page.getByLabel("手机号", { exact: true }).fill("13912340000");
    await page.getByLabel("密码", { exact: true }).fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(alert).toHaveText(i < 5 ? "手机号或密码不正确。" : /^登录失败次数过多，该账号已暂时锁定，请 1[45] 分钟后再试/);
  }
  await expect(page).toHaveURL(/\/login/);
  await shot(page, "login-locked");
});
