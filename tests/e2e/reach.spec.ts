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
