import { expect, type Page } from "@playwright/test";
import { privacy } from "../../lib/messages/privacy";

/** Signs in through the real form, as a person would, and waits until the app has taken them in. */
export async function signIn(page: Page, phone: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("手机号", { exact: true }).fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await acknowledgePrivacyNotice(page);
}

/**
 * The privacy notice comes before the first page of anyone who has not read its current version (the named
 * demo accounts have; people activated in a journey have not). It is acknowledged here as a person would,
 * and the journey goes on where it was headed. privacy.spec.ts checks the notice itself.
 */
export async function acknowledgePrivacyNotice(page: Page): Promise<void> {
  await page.waitForLoadState("domcontentloaded");
  if (new URL(page.url()).pathname !== "/privacy") return;
  const acknowledge = page.getByRole("button", { name: privacy.acknowledge });
  if (!(await acknowledge.isVisible())) return;
  await acknowledge.click();
  await page.waitForURL((url) => url.pathname !== "/privacy");
}

/** A named full-page screenshot, kept for review under test-results/screens/. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** The page as the printer gets it, at A4 width, kept beside the screenshots; the phone's viewport after. */
export async function printShot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: "print" });
  await shot(page, `${name}-a4`);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 390, height: 844 });
}

/**
 * On a new meeting's run screen (as createMeeting leaves it): the secretary checks 刘洋 in by proxy, waits until
 * the meeting has begun and closes it.
 */
export async function proxyCheckInAndClose(secretary: Page, meeting: number): Promise<void> {
  const row = secretary.getByRole("listitem").filter({ hasText: "刘洋" });
  await row.locator("summary", { hasText: "代签到" }).click();
  await secretary.getByLabel("刘洋 代签原因").fill("手机没电");
  await secretary.getByRole("button", { name: "刘洋 代签到" }).click();
  await expect(row.getByText("出席")).toBeVisible();
  await expect(async () => {
    await secretary.goto(`/branch/activities/${meeting}`);
    await expect(secretary.getByRole("button", { name: "结束活动" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 120_000, intervals: [5000] });
  await secretary.getByRole("button", { name: "结束活动" }).click();
  await expect(secretary.getByText("已结束").first()).toBeVisible();
}

/** The first whole minute at least 40 s from now: a meeting that begins soon enough to be closed in a journey. */
export const nextMinute = () => new Date(Math.ceil((Date.now() + 40_000) / 60_000) * 60_000);

/** A Date as the value of a datetime-local field, in Shanghai time (the app's zone). */
export function localInput(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

/**
 * The county admin publishes a theme-day plan through the form (the page must be signed in as the county
 * admin). One plan per month: give each journey a start in a month of its own.
 */
export async function publishPlanViaUi(
  page: Page,
  plan: { title: string; startsAt: Date | string; items?: string[] },
): Promise<void> {
  await page.goto("/admin/plans/new");
  await page.getByLabel("标题", { exact: true }).fill(plan.title);
  await page
    .getByLabel("开始时间", { exact: true })
    .fill(typeof plan.startsAt === "string" ? plan.startsAt : localInput(plan.startsAt));
  await page.getByLabel("时长（分钟）", { exact: true }).fill("90");
  await page.getByLabel("学习材料", { exact: true }).fill("学习党章第一章总纲。\n交流学习体会。");
  const items = plan.items ?? ["集中学习"];
  for (const [i, title] of items.entries()) {
    if (i > 0) await page.getByRole("button", { name: "添加议程" }).click();
    await page.getByLabel(`议程 ${i + 1}`, { exact: true }).fill(title);
  }
  await page.getByRole("button", { name: "发布计划" }).click();
  await page.getByText(/^已发布/).waitFor();
}

/** The code now on the secretary's check-in screen, once the page has drawn it. */
export async function currentCode(page: Page): Promise<string> {
  const code = page.getByTestId("checkin-code");
  await expect(code).toHaveText(/^\d{6}$/);
  return (await code.textContent())!.trim();
}

/** The secretary (the page must be signed in as one) sets up one of 三会一课; returns the activity's id. */
export async function createMeeting(
  page: Page,
  meeting: { title: string; startsAt: Date; type?: string; minutes?: number; materials?: string },
): Promise<number> {
  await page.goto("/branch/activities");
  await page.getByRole("link", { name: "新建三会一课" }).click();
  await page.getByLabel("类型").selectOption({ label: meeting.type ?? "党课" });
  await page.getByLabel("标题", { exact: true }).fill(meeting.title);
  await page.getByLabel("开始时间", { exact: true }).fill(localInput(meeting.startsAt));
  await page.getByLabel("时长（分钟）").fill(String(meeting.minutes ?? 60));
  await page.getByLabel("地点").fill("党员活动室");
  if (meeting.materials) await page.getByLabel("学习材料").fill(meeting.materials);
  await page.getByRole("button", { name: "新建三会一课" }).click();
  await page.waitForURL(/\/branch\/activities\/\d+$/);
  return Number(page.url().split("/").pop());
}
