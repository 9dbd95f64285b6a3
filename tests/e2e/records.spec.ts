import { expect, test } from "@playwright/test";
import { createMeeting, printShot, publishPlanViaUi, shot, signIn } from "./helpers";

const title = "地点与打印演练";
const place = "东街社区党群服务中心三楼";

function monthOfItsOwn(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 8, 20));
  return `${at.toISOString().slice(0, 10)}T09:00`;
}

test("the theme day gets the plan's default place, the secretary sets the branch's own, members see it everywhere", async ({
  browser,
}) => {
  const admin = await browser.newPage();
  await signIn(admin, "13800000001", "demo1234");
  await publishPlanViaUi(admin, { title, startsAt: monthOfItsOwn() });
  await admin.close();

  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  await secretary.goto("/branch/activities");
  await secretary
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  const field = secretary.getByLabel("活动地点");
  await expect(field).toHaveValue("各支部活动场所");
  await field.fill(place);
  await secretary.getByRole("button", { name: "保存地点" }).click();
  await expect(secretary.getByText("地点已保存，已通知应到党员。")).toBeVisible();
  await expect(secretary.getByText(new RegExp(place)).first()).toBeVisible();
  await shot(secretary, "records-run-place");

  const runUrl = secretary.url();
  await secretary.goto(`${runUrl}/notice`);
  await expect(secretary.getByText(place)).toBeVisible();
  await expect(secretary.getByText("支部书记（签字）：", { exact: false })).toBeVisible();
  await shot(secretary, "records-notice");
  await printShot(secretary, "records-notice");
  await secretary.goto(`${runUrl}/sheet`);
  await expect(secretary.getByText(`地点：${place}`)).toBeVisible();
  await expect(secretary.getByText(/记录人（签字）/)).toBeVisible();
  await printShot(secretary, "records-sheet");
  await secretary.close();

  const member = await browser.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto("/activities");
  const card = member.getByRole("region", { name: "即将开展" }).getByRole("link", { name: new RegExp(title) });
  await expect(card).toContainText(place);
  await expect(card).toContainText("待开展");
  await shot(member, "records-member-list");
  await member.goto("/notices");
  await expect(member.getByText("活动地点已变更").first()).toBeVisible();
  await member.getByText("活动地点已变更").first().click();
  await expect(member.getByText(place)).toBeVisible();
  await shot(member, "records-member-activity");
  await member.close();
});

test("the status is the server's: 待开展 inside the check-in window before the start, whatever the phone's clock says", async ({
  browser,
}) => {
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  const startsAt = new Date(Date.now() + 20 * 60_000);
  const id = await createMeeting(secretary, { title: "状态演练党课", startsAt, minutes: 60 });
  const tags = secretary.getByRole("main").locator("span", { hasText: /^(待开展|进行中|待结束|已结束)$/ });
  await expect(tags.first()).toHaveText("待开展");

  // A phone whose clock runs an hour ahead: the activity would be under way by its reckoning, not by the server's.
  const lying = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const member = await lying.newPage();
  await member.clock.install({ time: new Date(startsAt.getTime() + 30 * 60_000) });
  await signIn(member, "13800000004", "demo1234");
  await member.goto(`/activities/${id}`);
  await expect(
    member
      .getByRole("main")
      .locator("span", { hasText: /^(待开展|进行中|待结束|已结束)$/ })
      .first(),
  ).toHaveText("待开展");
  await lying.close();
  await secretary.close();
});

test("the county's quarterly statistics and community roll-up: .xlsx and print with the shared footer", async ({
  page,
}) => {
  await signIn(page, "13800000001", "demo1234");
  for (const [path, xlsx, name] of [
    ["/admin/points/quarter?quarter=2026-Q4", "/api/v1/points-quarter?quarter=2026-Q4", "records-quarter"],
    ["/admin/community?quarter=2026-Q4", "/api/v1/community-feedback?quarter=2026-Q4", "records-community"],
    ["/admin/assessment?year=2026", "/api/v1/assessment?year=2026", "records-assessment"],
    ["/admin/points?month=2026-11", "/api/v1/points-bulletin?month=2026-11", "records-bulletin"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
    const download = page.waitForEvent("download");
    await page.locator(`a[href="${xlsx}"]`).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, name);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByText("中共示范县委组织部")).toBeVisible();
    await expect(page.getByText(/审核人（签字）/)).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await printShot(page, name);
  }
});
