import { expect, type Page } from "@playwright/test";

/**
 * Switches 长辈模式 on 我的 to the wanted state (the page must be signed in). The setting is remembered on
 * the account, so journeys that turn it on turn it off again before they end.
 */
export async function setElderMode(page: Page, on: boolean): Promise<void> {
  await page.goto("/me");
  const state = page.getByTestId("elder-state");
  const wanted = on ? "已开启" : "未开启";
  if ((await state.textContent()) !== wanted) {
    await page.getByRole("button", { name: on ? "开启长辈模式" : "关闭长辈模式" }).click();
    await expect(state).toHaveText(wanted);
  }
  await expect(page.locator("html")).toHaveClass(on ? /\belder\b/ : /^(?!.*\belder\b).*$/);
}
