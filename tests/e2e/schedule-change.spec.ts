import { expect, type Page, test } from "@playwright/test";
import { formatFull } from "../../lib/time";
import { publishPlanViaUi, shot, signIn } from "./helpers";

const password = "demo1234";
const title = "调整时间演练";

/** A month of its own, four ahead in Shanghai time: one plan per month, and other journeys use the current one. */
function farMonth(day: number, time: string): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const month = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 4, day));
  return `${month.toISOString().slice(0, 10)}T${time}`;
}
const planned = farMonth(15, "09:00");
const wanted = farMonth(17, "15:00");
const shown = (local: string) => formatFull(new Date(`${local}:00+08:00`));

/** The request's card in the admins' list. */
const card = (page: Page) =>
  page.getByRole("list", { name: "时间调整审批" }).getByRole("listitem").filter({ hasText: title });

test("a secretary asks to move the theme day; the committee endorses, the county approves, and the time moves", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const county = await browser.newPage();
  await signIn(county, "13800000001", password);
  await publishPlanViaUi(county, { title, startsAt: planned });

  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", password);
  await secretary.goto("/branch/activities");
  await secretary.getByRole("link", { name: new RegExp(title) }).click();
  await secretary.getByRole("link", { name: "申请调整时间" }).click();
  await expect(secretary).toHaveURL(/\/branch\/activities\/\d+\/reschedule$/);
  await expect(secretary.getByTestId("current-time")).toHaveText(shown(planned));

  // A request without a reason is refused in Chinese and nothing is sent up.
  await secretary.getByLabel("新的开始时间").fill(wanted);
  await secretary.getByRole("button", { name: "提交申请" }).click();
  await expect(secretary.getByRole("main").getByRole("alert")).toHaveText("请填写调整理由（1–500 个字）");
  await secretary.getByLabel("调整理由").fill("与镇防汛值班冲突，改到周末下午开展。");
  await secretary.getByRole("button", { name: "提交申请" }).click();
  const history = secretary.getByRole("list", { name: "申请记录" });
  await expect(history.getByText("待党委审核")).toBeVisible();
  await expect(secretary.getByText("该活动已有一份调整申请正在审核，请等待结果后再申请。")).toBeVisible();
  await shot(secretary, "reschedule-requested");

  // The committee above the branch finds it waiting, and endorses it.
  const committee = await browser.newPage();
  await signIn(committee, "13800000002", password);
  // The request is also a notice: the admins' home has the bell, with it unread.
  await expect(committee.getByRole("link", { name: /^通知，\d+ 条未读$/ })).toBeVisible();
  await committee.getByRole("link", { name: "时间调整审批" }).click();
  await expect(card(committee)).toContainText("城关镇东街社区党支部");
  await expect(card(committee)).toContainText("与镇防汛值班冲突");
  await shot(committee, "schedule-changes-committee");
  await card(committee).getByLabel("意见").fill("情况属实，同意调整");
  await card(committee).getByRole("button", { name: "同意" }).click();
  await expect(card(committee)).toHaveCount(0);

  // The county approves; the branch's theme day moves.
  await county.goto("/admin");
  await county.getByRole("link", { name: "时间调整审批" }).click();
  await expect(card(county)).toContainText("党委意见：同意，情况属实，同意调整");
  await card(county).getByRole("button", { name: "批准" }).click();
  await expect(card(county)).toHaveCount(0);
  await county
    .getByRole("navigation", { name: "申请状态" })
    .getByRole("link", { name: /^已批准/ })
    .click();
  await expect(card(county)).toContainText("县委组织部意见：批准");
  await shot(county, "schedule-changes-approved");

  await secretary.reload();
  await expect(secretary.getByTestId("current-time")).toHaveText(shown(wanted));
  await expect(history.getByText("已批准")).toBeVisible();
  await shot(secretary, "reschedule-approved");
});
