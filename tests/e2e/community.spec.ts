import { expect, test } from "@playwright/test";
import { localInput, nextMinute, shot, signIn } from "./helpers";

const MEMBER = "13800000004";
const GRID_WORKER = "13800000005";
const SECRETARY = "13800000003";
const PASSWORD = "demo1234";

/**
 * 在职党员进社区报到, end to end: the member reports, the grid worker confirms, posts an activity the member
 * signs up for, logs the hours once it has been held, the member sees them and so does the branch secretary.
 */
test("a member reports to the community, the grid worker confirms and logs hours for an activity, the secretary sees them", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const member = await browser.newPage();
  await signIn(member, MEMBER, PASSWORD);
  await member.goto("/me");
  await member.getByRole("link", { name: "我的社区" }).click();
  await expect(member.getByText("未报到")).toBeVisible();
  await member.getByRole("link", { name: "到社区报到" }).click();
  await member.getByLabel("居住社区").selectOption({ label: "东街社区" });
  await member.getByLabel("网格", { exact: true }).selectOption({ label: "东街社区第一网格" });
  await member.getByLabel("楼栋长").check();
  await member.getByLabel("说明（可不填）").fill("住东街 3 号楼 2 单元");
  await shot(member, "community-report-form");
  await member.getByRole("button", { name: "到社区报到" }).click();
  await member.waitForURL("**/community");
  await expect(member.getByText("待确认")).toBeVisible();

  // The grid worker confirms it from the workbench.
  const worker = await browser.newPage();
  await signIn(worker, GRID_WORKER, PASSWORD);
  await worker.goto("/grid");
  const pending = worker.getByRole("list", { name: "待确认报到" }).getByRole("listitem").filter({ hasText: "刘洋" });
  await expect(pending).toContainText("楼栋长");
  await shot(worker, "community-grid-desk");
  await pending.getByRole("button", { name: "刘洋 确认报到" }).click();
  // Once confirmed the report leaves the list of those waiting (and its form with it).
  await expect(pending).toHaveCount(0);

  await member.reload();
  await expect(member.getByText("已报到")).toBeVisible();
  await expect(member.getByText(/有效期至/)).toBeVisible();

  // The grid worker posts an activity starting within a minute or two; a bad capacity is refused first.
  const startsAt = nextMinute();
  await worker.goto("/grid/activities/new");
  await worker.getByLabel("活动名称").fill("清理小区绿化带");
  await worker.getByLabel("地点", { exact: true }).fill("东街 3 号楼前");
  await worker.getByLabel("开始时间").fill(localInput(startsAt));
  await worker.getByLabel("时长（分钟）").fill("90");
  await worker.getByLabel("人数上限").fill("0");
  await worker.getByRole("button", { name: "发布社区活动" }).click();
  await expect(worker.getByRole("main").getByRole("alert")).toContainText("人数上限应为 1–500");
  await worker.getByLabel("人数上限").fill("10");
  await worker.getByRole("button", { name: "发布社区活动" }).click();
  await worker.waitForURL(/\/grid\/activities\/\d+$/);
  const activityUrl = worker.url();

  // The member signs up before it starts.
  await member.reload();
  const activity = member.getByRole("listitem").filter({ hasText: "清理小区绿化带" });
  await activity.getByRole("button", { name: "报名：清理小区绿化带" }).click();
  await expect(activity.getByText("已报名", { exact: true })).toBeVisible();
  await shot(member, "community-member");

  // Once it has started, the grid worker logs the attendees' hours in one step (1.5 h, the activity's length).
  await worker.waitForTimeout(Math.max(0, startsAt.getTime() - Date.now() + 1_000));
  await worker.goto(activityUrl);
  await expect(worker.getByLabel("刘洋 时长（小时）")).toHaveValue("1.5");
  await worker.getByLabel("刘洋 时长（小时）").fill("2");
  await worker.getByRole("button", { name: "登记活动时长" }).click();
  await expect(worker.getByRole("main").getByRole("alert")).toContainText("不能超过活动时长 1.5 小时");
  await worker.getByLabel("刘洋 时长（小时）").fill("1.5");
  await worker.getByRole("button", { name: "登记活动时长" }).click();
  await expect(worker.getByText("已登记 1.5 小时")).toBeVisible();
  await shot(worker, "community-activity-hours");

  // The member sees the confirmed hours.
  await member.reload();
  const entry = member.getByRole("listitem").filter({ hasText: "清理小区绿化带" }).filter({ hasText: "1.5 小时" });
  await expect(entry.getByText("已确认")).toBeVisible();

  // The branch secretary sees the member's community and hours on the branch's feedback.
  const secretary = await browser.newPage();
  await signIn(secretary, SECRETARY, PASSWORD);
  await secretary.goto("/branch");
  await secretary.getByRole("link", { name: "社区", exact: true }).first().click();
  const row = secretary.getByRole("list", { name: "社区反馈" }).getByRole("listitem").filter({ hasText: "刘洋" });
  await expect(row).toContainText("已报到");
  await expect(row).toContainText("东街社区第一网格");
  await expect(row).toContainText("本季度时长 1.5");
  await shot(secretary, "community-branch-feedback");
  const download = secretary.waitForEvent("download");
  await secretary.getByRole("link", { name: "导出 Excel" }).click();
  expect((await download).suggestedFilename()).toMatch(/社区反馈\.xlsx$/);
});
