import { expect, test } from "@playwright/test";
import { createMeeting, currentCode, shot, signIn } from "./helpers";

test("a member types the code from the secretary's screen and is counted; a proxy entry shows in the member's history", async ({
  browser,
}) => {
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  const lecture = await createMeeting(secretary, { title: "书记讲党课", startsAt: new Date(Date.now() + 5 * 60_000) });
  const second = await createMeeting(secretary, { title: "专题党课", startsAt: new Date(Date.now() + 5 * 60_000) });

  await secretary.goto(`/branch/activities/${lecture}`);
  await secretary.getByRole("link", { name: "签到屏" }).click();
  const counts = secretary.getByTestId("checkin-counts");
  await expect(counts).toContainText("出席0");
  const code = await currentCode(secretary);
  await shot(secretary, "checkin-screen");

  const member = await browser.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto(`/activities/${lecture}`);
  await member.getByLabel("输入 6 位签到码").fill("000000" === code ? "111111" : "000000");
  await member.getByRole("button", { name: "签到", exact: true }).click();
  await expect(member.getByRole("main").getByRole("alert")).toContainText("签到码不正确");
  const fresh = await currentCode(secretary);
  await member.getByLabel("输入 6 位签到码").fill(fresh);
  await member.getByRole("button", { name: "签到", exact: true }).click();
  await expect(member.getByRole("main").getByText(/签到成功/)).toBeVisible();
  await shot(member, "checkin-member");

  // The screen polls every five seconds.
  await expect(counts).toContainText("出席1", { timeout: 15_000 });
  await expect(secretary.getByText(/出席：.*刘洋/)).toBeVisible();

  // Proxy entry on the second lecture, for the same member, who then sees it and who made it.
  await secretary.goto(`/branch/activities/${second}`);
  const row = secretary.getByRole("listitem").filter({ hasText: "刘洋" });
  await row.locator("summary", { hasText: "代签到" }).click();
  await secretary.getByLabel("刘洋 代签原因").fill("手机没电");
  await secretary.getByRole("button", { name: "刘洋 代签到" }).click();
  await expect(row.getByText("出席")).toBeVisible();

  await member.goto(`/activities/${second}`);
  await expect(member.getByText(/由 张志强 代签到：手机没电/)).toBeVisible();
  await member.getByText("提出异议").first().click();
  await member.getByLabel("异议说明").fill("我当时还没到场");
  await member.getByRole("button", { name: "提出异议" }).click();
  await expect(member.getByText("已提交异议")).toBeVisible();
  await shot(member, "checkin-proxy-dispute");
});
