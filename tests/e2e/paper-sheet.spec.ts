import { expect, test } from "@playwright/test";
import { createMeeting, shot, signIn } from "./helpers";

const title = "纸质签到演练";

test("the secretary asks leave for a member without a phone, prints the sign-in sheet and enters it back", async ({
  browser,
}) => {
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  await createMeeting(secretary, { title, type: "党小组会", startsAt: new Date(Date.now() + 2 * 60_000) });
  const activityUrl = secretary.url();

  // 代请假 for 刘洋, recorded as filed by the secretary and visible as such to both.
  const row = secretary.getByRole("listitem").filter({ hasText: "刘洋" }).first();
  await row.locator("summary", { hasText: "代请假" }).click();
  await secretary.getByLabel("刘洋 请假类型").selectOption("sick");
  await secretary.getByLabel("刘洋 请假事由").fill("腿脚不便，电话告知书记");
  await secretary.getByRole("button", { name: "为刘洋代请假" }).click();
  await expect(secretary.getByText("已代为提交请假申请，待审批。")).toBeVisible();
  await shot(secretary, "leave-for-filed");
  await secretary.getByRole("link", { name: "请假与补学" }).click();
  await expect(secretary.getByText(/由 .+ 代为申请/).first()).toBeVisible();
  await secretary.getByLabel("选择 刘洋 的申请").check();
  await secretary.getByRole("button", { name: "批准所选申请" }).click();
  await expect(secretary.getByText(/^已批准 1 项/)).toBeVisible();

  const member = await browser.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto("/leave");
  await member
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await expect(member.getByText(/由 .+ 代为申请/)).toBeVisible();
  await shot(member, "leave-for-member");
  await member.close();

  // The printable sheet: every expected member with a signature column; on paper, nothing of the app.
  await secretary.goto(activityUrl);
  await secretary.getByRole("link", { name: "纸质签到表", exact: true }).click();
  const sheet = secretary.getByRole("article", { name: /签到表$/ });
  await expect(sheet.getByRole("columnheader", { name: "签名" })).toBeVisible();
  await expect(sheet.getByRole("cell", { name: "刘洋" })).toBeVisible();
  // On leave, and so marked: nobody waits for their signature.
  await expect(sheet.getByRole("row").filter({ hasText: "刘洋" })).toContainText("请假");
  await shot(secretary, "paper-sheet");
  await secretary.emulateMedia({ media: "print" });
  await expect(secretary.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(secretary.getByRole("button", { name: "打印签到表" })).toBeHidden();
  await secretary.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await shot(secretary, "paper-sheet-print");
  await secretary.emulateMedia({ media: "screen" });
  await secretary.setViewportSize({ width: 390, height: 844 });

  // Entered back in one screen: two members from the paper, one present and one late.
  await secretary.getByRole("link", { name: "录入纸质签到表" }).click();
  const groups = secretary.getByRole("group", { name: /的出勤$/ });
  await expect(groups.first()).toBeVisible();
  const names = (await groups.evaluateAll((gs) => gs.map((g) => g.querySelector("legend")?.textContent ?? "")))
    .map((n) => n.replace(/ 的出勤$/, ""))
    .filter((n) => n !== "刘洋");
  expect(names.length).toBeGreaterThanOrEqual(2);
  const [first, second] = names;
  await secretary
    .getByRole("group", { name: `${first} 的出勤` })
    .getByLabel("出席")
    .check();
  await secretary
    .getByRole("group", { name: `${second} 的出勤` })
    .getByLabel("迟到")
    .check();
  await shot(secretary, "paper-entry");
  await secretary.getByRole("button", { name: "保存录入结果" }).click();
  await expect(secretary.getByText("已录入 2 人。")).toBeVisible();
  await expect(secretary.getByRole("group", { name: `${first} 的出勤` })).toHaveCount(0);

  // On the run screen they are present and late, entered by proxy.
  await secretary.goto(activityUrl);
  await expect(secretary.getByRole("listitem").filter({ hasText: first }).first().getByText("出席")).toBeVisible();
  await expect(secretary.getByRole("listitem").filter({ hasText: second }).first().getByText("迟到")).toBeVisible();
  await shot(secretary, "paper-entered");
});
