import { expect, type Page, test } from "@playwright/test";
import { createMeeting, currentCode, shot, signIn } from "./helpers";

/** The QR address on the secretary's screen now: its code, read twice within one 15-second step. */
async function scannedAddress(secretary: Page, activity: number): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 15_000);
    const code = await currentCode(secretary);
    if (Math.floor(Date.now() / 15_000) === step && (await currentCode(secretary)) === code)
      return `/c/${activity}?s=${step}&k=${code}`;
  }
}

test("a first scan from a browser without the app's session counts after a slow sign-in", async ({ browser }) => {
  test.setTimeout(120_000);
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  const activity = await createMeeting(secretary, {
    title: "微信扫码党课",
    startsAt: new Date(Date.now() + 5 * 60_000),
  });
  await secretary.goto(`/branch/activities/${activity}/checkin`);
  const address = await scannedAddress(secretary, activity);

  // WeChat's browser: a context of its own, signed out.
  const wechat = await (await browser.newContext()).newPage();
  await wechat.goto(address);
  await expect(wechat).toHaveURL(/\/login\?callbackUrl=/);
  // Finding the password and typing it takes a while: the code on the screen has changed twice meanwhile.
  await wechat.waitForTimeout(35_000);
  await wechat.getByLabel("手机号", { exact: true }).fill("13800000004");
  await wechat.getByLabel("密码", { exact: true }).fill("demo1234");
  await wechat.getByRole("button", { name: "登录", exact: true }).click();
  await expect(wechat.getByRole("main").getByText(/签到成功/)).toBeVisible();
  await shot(wechat, "checkin-after-sign-in");
  await expect(secretary.getByTestId("checkin-counts")).toContainText("出席1", { timeout: 15_000 });
});

test("a disputed proxy check-in is settled from the secretary's notice, and the member's history marks 代签", async ({
  browser,
}) => {
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  const title = "代签异议演练";
  const activity = await createMeeting(secretary, { title, startsAt: new Date(Date.now() + 5 * 60_000) });
  const row = secretary.getByRole("listitem").filter({ hasText: "刘洋" });
  await row.locator("summary", { hasText: "代签到" }).click();
  await secretary.getByLabel("刘洋 代签原因").fill("手机没电");
  await secretary.getByRole("button", { name: "刘洋 代签到" }).click();
  await expect(row.getByText("代签", { exact: true })).toBeVisible();

  const member = await browser.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto("/activities");
  await expect(
    member
      .getByRole("link", { name: new RegExp(title) })
      .first()
      .getByText("代签", { exact: true }),
  ).toBeVisible();
  await member.goto(`/activities/${activity}`);
  await member.getByText("提出异议").first().click();
  await member.getByLabel("异议说明").fill("我当时还没到场");
  await member.getByRole("button", { name: "提出异议" }).click();
  await expect(member.getByText("已提交异议")).toBeVisible();

  // The secretary's run screen marks it and the closing card names it; the notice opens the list of disputes.
  await secretary.reload();
  await expect(row.getByText("代签·有异议")).toBeVisible();
  await expect(secretary.getByText(/还有代签异议未处理：刘洋/)).toBeVisible();
  await shot(secretary, "run-screen-disputed");
  await secretary.goto("/notices");
  await secretary
    .getByRole("link", { name: new RegExp(`刘洋对「${title}」的代签到提出异议`) })
    .first()
    .click();
  await expect(secretary).toHaveURL(/\/branch\/\d+\/disputes$/);
  const card = secretary.locator("section", { hasText: title }).first();
  await expect(card).toContainText("我当时还没到场");
  await shot(secretary, "disputes");
  await card.getByLabel("刘洋 处理说明").fill("已与本人核实，当时未到");
  await card.getByRole("button", { name: "撤销代签" }).click();
  await expect(secretary.getByText("没有待处理的代签异议。")).toBeVisible();

  await secretary.goto(`/branch/activities/${activity}`);
  await expect(row.getByText("未到")).toBeVisible();
  await member.goto("/notices");
  await expect(member.getByText(new RegExp(`您对「${title}」代签的异议已核实，代签已撤销`))).toBeVisible();
});
