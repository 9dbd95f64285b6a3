import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { createMeeting, nextMinute, proxyCheckInAndClose, shot, signIn } from "./helpers";

const PASSWORD = "demo1234";

/**
 * Points from real participation: a group meeting is held and closed, the member attended (checked in by the
 * secretary) and sees the entry with its reason, appeals it; the secretary answers from the bulletin and
 * exports it (the file holds the screen's figures); the county admin makes a new version of a rule and
 * sets a branch's yearly tier.
 */
test("a member reads the entry a meeting earned; the secretary answers an appeal and exports the bulletin; the county changes a rule and sets a tier", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", PASSWORD);
  const startsAt = nextMinute();
  const meeting = await createMeeting(secretary, { title: "积分演练小组会", type: "党小组会", startsAt });
  await proxyCheckInAndClose(secretary, meeting);

  // The member sees the entry with its rule, reason and source, and appeals it.
  const member = await browser.newPage();
  await signIn(member, "13800000004", PASSWORD);
  await member.goto("/points");
  const entry = member
    .getByRole("list", { name: "积分明细" })
    .getByRole("listitem")
    .filter({ hasText: "积分演练小组会" });
  await expect(entry).toContainText("+5");
  await expect(entry).toContainText("参加党小组会");
  await expect(entry).toContainText("活动出勤");
  await shot(member, "points-member");
  await entry.locator("summary", { hasText: "申诉" }).click();
  await entry.getByRole("button", { name: "申诉" }).click();
  await expect(entry.getByRole("alert")).toContainText("请写明原因");
  await entry.getByLabel(/申诉理由/).fill("我是迟到十分钟到的，应按迟到计");
  await entry.getByRole("button", { name: "申诉" }).click();
  await expect(entry.getByText("申诉处理中")).toBeVisible();

  // The secretary answers it from the bulletin, then exports the bulletin.
  await secretary.goto("/branch");
  await secretary.getByRole("link", { name: "积分", exact: true }).first().click();
  await expect(secretary.getByText("待答复的申诉（1）")).toBeVisible();
  await secretary.getByLabel("刘洋 答复").fill("签到记录为准时，维持原记录");
  await secretary.getByRole("button", { name: "答复" }).click();
  await expect(secretary.getByText("待答复的申诉")).toHaveCount(0);
  const liu = secretary.getByRole("row").filter({ hasText: "刘洋" });
  const onScreen = (await liu.getByRole("cell").first().textContent())!.trim();
  expect(Number(onScreen.replace("−", "-"))).toBeGreaterThanOrEqual(5);
  await shot(secretary, "points-bulletin");
  const download = secretary.waitForEvent("download");
  await secretary.getByRole("link", { name: "导出 Excel" }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("积分通报")!;
  const cells = sheet.getSheetValues().find((r) => Array.isArray(r) && r[1] === "刘洋") as unknown[];
  expect(cells[2]).toBe(Number(onScreen.replace("−", "-").replace("+", "")));

  await member.reload();
  await expect(entry).toContainText("申诉答复：签到记录为准时，维持原记录");

  // The county admin makes a new version of a rule from tomorrow.
  const admin = await browser.newPage();
  await signIn(admin, "13800000001", PASSWORD);
  await admin.goto("/admin/points");
  await admin.getByRole("link", { name: "积分规则" }).click();
  const dues = admin.locator("section").filter({ has: admin.getByRole("heading", { name: "按时缴纳党费" }) });
  await dues.locator("summary", { hasText: "修改" }).click();
  await dues.getByLabel("按时缴纳党费 分值").fill("2");
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
  await dues.getByLabel("按时缴纳党费 生效日期").fill(tomorrow);
  await dues.getByRole("button", { name: "提交" }).click();
  await expect(dues.getByText("已保存为新版本")).toBeVisible();
  await expect(dues.getByText("第 2 版")).toBeVisible();
  await shot(admin, "points-rules");

  // The yearly assessment: the admin reviews the proposal and sets the tier, with a note.
  await admin.goto("/admin/assessment");
  const unit = admin
    .getByRole("list", { name: "党支部" })
    .getByRole("listitem")
    .filter({ hasText: "城关镇东街社区党支部" });
  await expect(unit).toContainText(/建议：(优胜|合格|不合格)/);
  await unit.locator("summary", { hasText: "评定" }).click();
  await unit.getByLabel("城关镇东街社区党支部 评定等次").selectOption({ label: "合格" });
  await unit.getByLabel("城关镇东街社区党支部 评定说明（可不填）").fill("年中开展演练，待年底复核");
  await unit.getByRole("button", { name: "评定" }).click();
  await expect(unit.getByText("已评定：合格").first()).toBeVisible();
  await shot(admin, "assessment");
});
