import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { setElderMode } from "./elder";
import { createMeeting, currentCode, shot, signIn } from "./helpers";

// A secretary who is a member of their own branch and whom no other journey checks in: the branch's next
// activity is one they have not checked in to yet, whatever ran before. The next person on the phone is
// another branch's secretary.
const SECRETARY = "13800000011";
const MEMBER = SECRETARY;
const MEMBER_NAME = "赵德明";
const NEXT = "13800000003";
const NEXT_NAME = "张志强";
const PASSWORD = "demo1234";

async function serviceWorkerControls(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === "activated", undefined, {
    timeout: 60_000,
  });
}

async function signOut(context: BrowserContext, page: Page): Promise<void> {
  await page.goto("/me");
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
  await context.clearCookies();
}

test("the start page /today: the member sees the activity and checks in there; offline it shows their copy, never to the next person", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const secretaryContext = await browser.newContext();
  const secretary = await secretaryContext.newPage();
  await signIn(secretary, SECRETARY, PASSWORD);
  // The branch's next activity: this one, or one an earlier journey left running, whichever starts first.
  await createMeeting(secretary, { title: "今日页党课", startsAt: new Date(Date.now() + 5 * 60_000) });

  // Signed out: the static page sends the visitor to sign in and back.
  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto("/today");
  await member.waitForURL(/\/login\?callbackUrl=%2Ftoday/);

  await signIn(member, MEMBER, PASSWORD);
  await member.goto("/today");
  await expect(member.getByText(`${MEMBER_NAME}，您好`)).toBeVisible();
  const card = member.getByTestId("next-activity");
  const href = await card.getByRole("link", { name: "查看详情" }).getAttribute("href");
  const shown = Number(href?.split("/").pop());
  const title = (await card.locator("span.text-lg").textContent()) ?? "";
  expect(title).not.toBe("");
  await secretary.goto(`/branch/activities/${shown}`);
  await secretary.getByRole("link", { name: "签到屏" }).click();
  // A fixed policy, no nonce: the page is the same for everyone.
  const response = await member.request.get("/today");
  expect(response.headers()["content-security-policy"]).not.toContain("nonce-");
  await shot(member, "today");
  // 长辈模式: the reduced home, scaled from the root, with the check-in right there.
  await setElderMode(member, true);
  await member.goto("/today");
  await expect(member.getByTestId("elder-home")).toContainText(title);
  await expect(member.locator("html")).toHaveClass(/\belder\b/);
  await shot(member, "today-elder");
  await setElderMode(member, false);
  await member.goto("/today");
  await expect(member.getByTestId("next-activity")).toContainText(title);

  await member.getByLabel("输入 6 位签到码").fill(await currentCode(secretary));
  await member.getByRole("button", { name: "签到", exact: true }).click();
  await expect(member.getByRole("main").getByText(/签到成功/)).toBeVisible();

  // Offline, once the worker has the shell: the member's own copy.
  await serviceWorkerControls(member);
  await member.goto("/today");
  await expect(member.getByTestId("next-activity")).toContainText(title);
  await context.setOffline(true);
  await member.goto("/today");
  await expect(member.getByText(/当前离线/)).toBeVisible();
  await expect(member.getByTestId("next-activity")).toContainText(title);
  await expect(member.getByText(`${MEMBER_NAME}，您好`)).toBeVisible();
  await context.setOffline(false);

  // The next person on the same phone: after the first signs out, nothing of theirs, online or offline.
  await signOut(context, member);
  expect(await member.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("today")))).toEqual([]);
  await signIn(member, NEXT, PASSWORD);
  await member.goto("/today");
  await expect(member.getByText(`${NEXT_NAME}，您好`)).toBeVisible();
  await expect(member.getByText(MEMBER_NAME)).toHaveCount(0);
  await context.setOffline(true);
  await member.goto("/today");
  await expect(member.getByText(/当前离线/)).toBeVisible();
  await expect(member.getByText(MEMBER_NAME)).toHaveCount(0);
  await context.setOffline(false);

  // A session that lapses without signing out, then someone else: the copy of the first is never shown.
  await context.clearCookies();
  await signIn(member, MEMBER, PASSWORD);
  await context.setOffline(true);
  await member.goto("/today");
  await expect(member.getByText(NEXT_NAME)).toHaveCount(0);
  await context.setOffline(false);
});
