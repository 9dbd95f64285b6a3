import { type Browser, expect, type Page, test } from "@playwright/test";
import { demoMembersOf } from "../../db/seed";
import { review } from "../../lib/messages/review";
import { createMeeting, shot, signIn } from "./helpers";

// A branch and secretary no other journey uses, so this round disturbs nobody's figures.
const branchName = "县教育局机关党支部";
const secretaryPhone = "13800000015";
const password = "demo1234";
const DAY = 86_400_000;

async function as(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, phone, password);
  return page;
}

/** The member's ballot: 优秀 for `star`, 合格 for everyone else, sent once. */
async function vote(page: Page, activityId: number, star: string) {
  await page.goto(`/activities/${activityId}`);
  await page.getByRole("link", { name: review.open }).click();
  await page.getByRole("link", { name: review.voteStart }).click();
  await page.getByRole("button", { name: review.voteSubmit }).waitFor();
  const groups = page.getByRole("group");
  const count = await groups.count();
  expect(count).toBeGreaterThan(2);
  for (let i = 0; i < count; i++) {
    const group = groups.nth(i);
    const name = (await group.locator("legend").textContent())!.trim();
    await group.getByText(name === star ? review.grade.excellent : review.grade.qualified, { exact: true }).click();
  }
  await page.getByRole("button", { name: review.voteSubmit }).click();
  await expect(page.getByText(review.voted)).toBeVisible();
}

test("民主评议党员: self-assessment, secret ballots, counting, the committee's proposal and the secretary's decision", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const people = demoMembersOf(branchName).filter((p) => p.activated && p.phone !== secretaryPhone);
  const [star, second, third] = people;

  const secretary = await as(browser, secretaryPhone);
  const activityId = await createMeeting(secretary, {
    title: "年度民主评议党员大会",
    type: review.title,
    startsAt: new Date(Math.ceil((Date.now() + 3 * DAY) / 3_600_000) * 3_600_000),
    minutes: 120,
  });
  await secretary.getByRole("link", { name: review.round, exact: true }).click();
  await expect(secretary.getByTestId("review-progress")).toHaveText(/已投票 0\/\d+ 人/);

  // The star writes a self-assessment and votes; the ballot page cannot be had twice.
  const member = await as(browser, star.phone);
  await member.goto(`/activities/${activityId}`);
  await member.getByRole("link", { name: review.open }).click();
  await member.getByLabel(review.selfLabel).fill("全年按时参加组织生活，带头完成教研任务，不足是理论学习不够系统。");
  await member.getByRole("button", { name: review.selfSave }).click();
  await expect(member.getByText(review.selfSaved)).toBeVisible();
  await shot(member, "member-review-self");
  await member.getByRole("link", { name: review.voteStart }).click();
  await expect(member.getByRole("button", { name: review.voteSubmit })).toBeVisible();
  await shot(member, "member-review-ballot");
  await vote(member, activityId, second.name);
  await member.goto(`/activities/${activityId}/review/vote`);
  await expect(member).toHaveURL(new RegExp(`/activities/${activityId}/review$`));
  await expect(member.getByText(review.voted)).toBeVisible();

  for (const p of [second, third]) {
    const page = await as(browser, p.phone);
    await vote(page, activityId, star.name);
    await page.context().close();
  }
  // The secretary is a member too: one ballot like everyone else.
  await vote(secretary, activityId, star.name);

  await secretary.goto(`/branch/activities/${activityId}/review`);
  await expect(secretary.getByTestId("review-progress")).toHaveText(/已投票 4\/\d+ 人/);
  await expect(secretary.getByText(review.tallyHidden)).toBeVisible();
  await shot(secretary, "member-review-round-voting");
  await secretary.getByRole("button", { name: review.close }).click();
  await expect(secretary.getByText(review.closed)).toBeVisible();
  await shot(secretary, "member-review-round-counted");

  await secretary.getByRole("link", { name: new RegExp(`^${star.name}`) }).click();
  await expect(secretary.getByText("全年按时参加组织生活")).toBeVisible();
  await expect(secretary.getByTestId("review-tally")).toContainText(`${review.grade.excellent} 3`);
  await secretary.getByLabel(review.proposeLabel).selectOption(review.grade.excellent);
  await secretary.getByRole("button", { name: review.propose }).click();
  await expect(secretary.getByText(review.proposedOk)).toBeVisible();
  // 不合格 without a reason is refused with the rule's words; the vote's own grade needs none.
  await secretary.getByLabel(review.decideLabel).selectOption(review.grade.unqualified);
  await secretary.getByRole("button", { name: review.decideSubmit }).click();
  await expect(secretary.getByRole("alert").filter({ hasText: review.reasonUnqualified })).toBeVisible();
  await secretary.getByLabel(review.decideLabel).selectOption(review.grade.excellent);
  await secretary.getByRole("button", { name: review.decideSubmit }).click();
  await expect(secretary.getByLabel(review.proposeLabel)).toHaveCount(0);
  await expect(secretary.getByRole("button", { name: review.decideSubmit })).toHaveCount(0);
  await shot(secretary, "member-review-decision");

  await member.goto(`/activities/${activityId}/review`);
  await expect(member.getByText(review.grade.excellent, { exact: true })).toBeVisible();
  await shot(member, "member-review-result");
});
