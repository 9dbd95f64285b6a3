import { expect, type Page, test } from "@playwright/test";
import { about } from "../../lib/messages/about";
import { feedback } from "../../lib/messages/feedback";
import { privacy } from "../../lib/messages/privacy";
import { shot, signIn } from "./helpers";

/** The form, by hand: this journey must see where sign-in lands, which the shared helper would step past. */
async function signInByHand(page: Page, phone: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("手机号", { exact: true }).fill(phone);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test("first sign-in shows the privacy notice once; a member's suggestion is answered by the county", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // A member who has never signed in: the secretary gives them an activation code.
  await signIn(page, "13800000003", "demo1234");
  await page.getByRole("link", { name: "支部" }).click();
  await page.getByRole("listitem").filter({ hasText: "未激活" }).first().getByRole("link").click();
  await page.getByRole("button", { name: "显示完整号码" }).click();
  const number = page.getByRole("main").getByText(/^1\d{10}$/);
  const phone = (await number.textContent())!.trim();
  await page.getByRole("button", { name: "生成激活码" }).click();
  const code = (await page.getByTestId("activation-code").textContent())!.trim();

  const member = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await member.goto("/activate");
  await member.getByLabel("手机号", { exact: true }).fill(phone);
  await member.getByLabel("激活码").fill(code);
  await member.getByLabel("新密码", { exact: true }).fill("privacy-first");
  await member.getByLabel("确认新密码").fill("privacy-first");
  await member.getByRole("button", { name: "激活账号" }).click();
  await expect(member).toHaveURL(/\/login\?activated=1/);

  // First sign-in: the notice comes first, and any other page leads back to it until acknowledged.
  await signInByHand(member, phone, "privacy-first");
  await expect(member).toHaveURL(/\/privacy\?next=/);
  await expect(member.getByText(privacy.firstTime)).toBeVisible();
  await expect(member.getByRole("heading", { name: privacy.sections.kept.title })).toBeVisible();
  await expect(member.getByText(privacy.retention.audit)).toBeVisible();
  await shot(member, "privacy-notice");
  await member.goto("/leave");
  await expect(member).toHaveURL(/\/privacy\?next=%2Fleave/);
  await member.getByRole("button", { name: privacy.acknowledge }).click();
  await expect(member).toHaveURL(/\/leave$/);
  await member.goto("/");
  await expect(member).not.toHaveURL(/\/privacy/);

  // Signing in again on another phone: this version is read, nothing asks again.
  const again = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const second = await again.newPage();
  await signInByHand(second, phone, "privacy-first");
  await expect(second).not.toHaveURL(/\/privacy/);
  await second.goto("/privacy");
  await expect(second.getByRole("button", { name: privacy.acknowledge })).toHaveCount(0);
  await again.close();

  // The member sends a suggestion, anonymous towards the branch (the form says the county still knows).
  const body = `建议签到页增加纸质签到说明 ${Date.now()}`;
  await member.goto("/feedback/new");
  await member.getByLabel(feedback.kind).selectOption({ label: feedback.kinds.suggestion });
  await member.getByLabel(feedback.subject).selectOption({ label: feedback.subjects.app });
  await member.getByLabel(feedback.body, { exact: true }).fill(body);
  await member.getByLabel(feedback.anonymous).check();
  await expect(member.getByText(feedback.anonymousHint)).toBeVisible();
  await expect(member.locator('input[type="file"]')).toHaveCount(0);
  await member.getByRole("button", { name: feedback.send }).click();
  await expect(member.getByText(feedback.sent)).toBeVisible();
  await shot(member, "feedback-sent");
  await member.goto("/feedback");
  const mine = member.getByRole("listitem").filter({ hasText: body });
  await expect(mine.getByText(feedback.status.open)).toBeVisible();

  // The county answers it.
  const county = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(county, "13800000001", "demo1234");
  await county.goto("/admin/feedback");
  const item = county.getByRole("listitem").filter({ hasText: body });
  await expect(item.getByText(feedback.anonymousCountyNote)).toBeVisible();
  await shot(county, "feedback-county");
  await item.getByLabel(feedback.answer, { exact: true }).fill("已在签到页加上说明，谢谢您的建议。");
  await item.getByRole("button", { name: feedback.answerSubmit }).click();
  await expect(county.getByText(feedback.answered)).toBeVisible();

  // The member reads the answer.
  await member.reload();
  const answered = member.getByRole("listitem").filter({ hasText: body });
  await expect(answered.getByText(feedback.status.answered)).toBeVisible();
  await expect(answered.getByTestId("feedback-answer")).toHaveText("已在签到页加上说明，谢谢您的建议。");
  await shot(member, "feedback-answered");
});

test("from the sign-in page, without an account: a suggestion, a receipt code, and its status", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: feedback.fromLogin }).click();
  await expect(page).toHaveURL(/\/feedback$/);
  await page.getByRole("link", { name: feedback.send }).click();
  await page.getByLabel(feedback.body, { exact: true }).fill("登录页希望有找回密码的说明。");
  await page.getByLabel(feedback.contact).fill("小王 13912345678");
  await page.getByRole("button", { name: feedback.send }).click();
  const receipt = (await page.getByTestId("feedback-receipt").textContent())!.trim();
  expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await shot(page, "feedback-public-receipt");
  await page.goto("/feedback");
  await page.getByLabel(feedback.receipt).fill(receipt.toLowerCase());
  await page.getByRole("button", { name: feedback.lookup }).click();
  await expect(page.getByText(feedback.status.open)).toBeVisible();
  await expect(page.getByTestId("feedback-answer")).toHaveText(feedback.noAnswerYet);
  await page.goto("/about");
  await expect(page.getByText(about.notFiled)).toBeVisible();
  await shot(page, "about");
});

test("a member confirms their record for the year; the secretary's roster stops listing them", async ({ browser }) => {
  const member = await browser.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto("/me");
  const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
  await expect(member.getByText(privacy.confirm.title(year))).toBeVisible();
  const name = (await member.locator("dt", { hasText: privacy.confirm.fields.name }).locator("+ dd").textContent())!;

  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  await secretary.getByRole("link", { name: "支部" }).click();
  const pending = secretary.locator("details").filter({ hasText: privacy.confirm.branchTitle(year, 0).split("：")[0] });
  await pending.locator("summary").click();
  await expect(pending).toContainText(name);

  await member.getByRole("button", { name: privacy.confirm.submit }).click();
  await expect(member.getByText(/确认本年度信息/).first()).toBeVisible();
  await member.reload();
  await expect(member.getByTestId("record-confirmed")).toBeVisible();
  await expect(member.getByRole("button", { name: privacy.confirm.submit })).toHaveCount(0);
  await shot(member, "me-record-confirmed");

  await secretary.reload();
  const after = secretary.locator("details").filter({ hasText: privacy.confirm.branchTitle(year, 0).split("：")[0] });
  if (await after.count()) {
    await after.locator("summary").click();
    await expect(after).not.toContainText(name);
  }
  await shot(secretary, "roster-unconfirmed");
});
