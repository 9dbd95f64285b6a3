import { expect, test } from "@playwright/test";
import { publishPlanViaUi, shot, signIn } from "./helpers";

/** The 15th at 09:00, four months on: a month no other journey publishes in (one plan per month). */
function monthOfItsOwn(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 5, 15));
  return `${at.toISOString().slice(0, 10)}T09:00`;
}

const unreadIn = (label: string | null) => Number(label?.match(/(\d+) 条未读/)?.[1] ?? 0);

test("a member is told of the new plan, reads the notice and the activity, and the badge goes down", async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, "13800000001", "demo1234");
  await publishPlanViaUi(admin, { title: "学习贯彻全会精神", startsAt: monthOfItsOwn(), items: ["集中学习"] });
  await admin.close();

  const page = await browser.newPage();
  await signIn(page, "13800000004", "demo1234");
  const bell = page.getByRole("link", { name: /^通知/ });
  await expect(bell).toHaveAttribute("aria-label", /^通知，\d+ 条未读$/);
  const before = unreadIn(await bell.getAttribute("aria-label"));
  expect(before).toBeGreaterThanOrEqual(1);
  await shot(page, "member-home-unread");

  await bell.click();
  await expect(page).toHaveURL(/\/notices$/);
  const notice = page.getByRole("link", { name: /主题党日：学习贯彻全会精神/ });
  await expect(notice).toContainText("未读");
  await shot(page, "member-notices");

  // The page sends the read receipt once shown; it is its own request, since rendering writes nothing.
  const receipt = page.waitForResponse(
    (r) => /\/api\/v1\/activities\/\d+\/read$/.test(r.url()) && r.request().method() === "POST",
  );
  await notice.click();
  await expect(page).toHaveURL(/\/activities\/\d+$/);
  expect((await receipt).status()).toBe(200);
  await expect(page.getByRole("heading", { name: "学习贯彻全会精神" })).toBeVisible();
  await expect(page.getByText(/学习党章第一章总纲。\s*交流学习体会。/)).toBeVisible();
  const step = (title: string) => page.getByRole("listitem").filter({ hasText: title });
  await expect(step("重温入党誓词").getByText("必选")).toBeVisible();
  await expect(step("集中缴纳党费").getByText("必选")).toBeVisible();
  await expect(step("集中学习").getByText("必选")).toHaveCount(0);
  await shot(page, "member-activity");

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(
    page.getByRole("link", { name: before - 1 > 0 ? `通知，${before - 1} 条未读` : "通知", exact: true }),
  ).toBeVisible();
  await shot(page, "member-home-read");

  await bell.click();
  await expect(page.getByRole("link", { name: /主题党日：学习贯彻全会精神/ })).not.toContainText("未读");

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "活动" }).click();
  await expect(
    page.getByRole("region", { name: "即将开展" }).getByRole("link", { name: /学习贯彻全会精神/ }),
  ).toContainText("待开展");
  await shot(page, "member-activities");
});
