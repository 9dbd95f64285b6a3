import type { Page } from "@playwright/test";

/** Signs in through the real form, as a person would, and waits until the app has taken them in. */
export async function signIn(page: Page, phone: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("手机号", { exact: true }).fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** A named full-page screenshot, kept for review under test-results/screens/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
