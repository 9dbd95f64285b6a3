import { expect, test } from "@playwright/test";
import { t } from "../../lib/messages";
import { publishPlanViaUi, shot, signIn } from "./helpers";

const password = "demo1234";
const title = "通知到位演练";

/** A month of its own, eleven ahead: one plan per month, and other journeys use nearer ones. */
function farMonth(): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000);
  const month = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() + 11, 12));
  return `${month.toISOString().slice(0, 10)}T09:00`;
}

test("the county publishes; the secretary sees how each member was reached and marks one as phoned", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const county = await browser.newPage();
  await signIn(county, "13800000001", password);
  await publishPlanViaUi(county, { title, startsAt: farMonth() });

  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", password);
  await secretary.goto("/branch/activities");
  await secretary.getByRole("link", { name: new RegExp(title) }).click();
  await secretary.getByText(t.reach.eachMember).click();
  const list = secretary.getByRole("list", { name: t.reach.title });
  await expect(list).toBeVisible();
  // No SMS keys in this run: the channel is off, and the screen says so and why per member.
  await expect(secretary.getByText(t.reach.smsOff)).toBeVisible();
  await expect(list.getByText(`${t.reach.status.skipped}（${t.reach.reason.off}）`).first()).toBeVisible();
  const notReached = list.getByRole("listitem").filter({ hasText: t.reach.notReached });
  const before = await notReached.count();
  expect(before).toBeGreaterThan(0);
  const first = notReached.first();
  const name = (await first.locator("span.font-medium").textContent()) ?? "";
  await first.getByRole("button", { name: t.reach.markPhoned }).click();
  await expect(secretary.getByText(t.reach.marked)).toBeVisible();
  const row = list.getByRole("listitem").filter({ hasText: name }).first();
  await expect(row.getByText(t.reach.phoned, { exact: true })).toBeVisible();
  await expect(notReached).toHaveCount(before - 1);
  await shot(secretary, "reach-list");
});

test("a member turns 短信提醒 off and on; the county keeps its SMS cap and reminder kinds on 通知与短信设置", async ({
  browser,
}) => {
  const member = await browser.newPage();
  await signIn(member, "13800000004", password);
  await member.goto("/me");
  const state = member.getByTestId("sms-state");
  await expect(state).toHaveText(t.reach.mine.on);
  // No SMS keys in this run: the switch still keeps the member's choice, and says the channel is not open yet.
  await expect(member.getByText(t.reach.mine.noChannel)).toBeVisible();
  await member.getByRole("button", { name: t.reach.mine.turnOff }).click();
  await expect(member.getByText(t.reach.mine.turnedOff)).toBeVisible();
  await expect(state).toHaveText(t.reach.mine.off);
  await shot(member, "me-sms-off");
  await member.getByRole("button", { name: t.reach.mine.turnOn }).click();
  await expect(state).toHaveText(t.reach.mine.on);

  const county = await browser.newPage();
  await signIn(county, "13800000001", password);
  await county.goto("/admin");
  await county.getByRole("link", { name: t.reach.settings.link }).click();
  await expect(county.getByRole("heading", { name: t.reach.settings.title })).toBeVisible();
  await expect(county.getByText(t.reach.settings.channelOff)).toBeVisible();
  const hourBefore = county.getByLabel(t.reach.kinds.hour_before);
  await expect(hourBefore).toBeChecked();
  // A cap that is not a number is refused in Chinese, and nothing changes.
  await county.getByLabel(t.reach.settings.cap).fill("很多");
  await county.getByRole("button", { name: t.reach.settings.save }).click();
  await expect(county.getByText(t.reach.settings.capInvalid).first()).toBeVisible();
  await county.getByLabel(t.reach.settings.cap).fill("500");
  await hourBefore.uncheck();
  await county.getByRole("button", { name: t.reach.settings.save }).click();
  await expect(county.getByText(t.reach.settings.saved)).toBeVisible();
  await shot(county, "admin-reach");
  await county.reload();
  await expect(county.getByLabel(t.reach.settings.cap)).toHaveValue("500");
  await expect(county.getByLabel(t.reach.kinds.hour_before)).not.toBeChecked();
  // Put back as it was for the journeys after this one.
  await county.getByLabel(t.reach.settings.cap).fill("3000");
  await county.getByLabel(t.reach.kinds.hour_before).check();
  await county.getByRole("button", { name: t.reach.settings.save }).click();
  await expect(county.getByText(t.reach.settings.saved)).toBeVisible();
});
