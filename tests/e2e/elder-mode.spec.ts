import { expect, type Page, test } from "@playwright/test";
import { setElderMode } from "./elder";
import { createMeeting, currentCode, shot, signIn } from "./helpers";

const title = "长辈模式演练党课";
const materials = "学习党章第一章总纲。请大家结合实际谈体会。";

/** Every visible button and text field inside the page's main content, with its rendered height. */
async function controlHeights(page: Page): Promise<{ name: string; height: number }[]> {
  return page.locator("main").evaluate((main) =>
    [
      ...main.querySelectorAll<HTMLElement>(
        "button, a.ui-button, input:not([type=hidden]):not([type=checkbox]), select",
      ),
    ]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({
        name: (el.textContent || el.getAttribute("aria-label") || el.id || el.tagName).trim(),
        height: el.getBoundingClientRect().height,
      })),
  );
}

test.afterAll(async ({ browser }) => {
  // The setting is on the account: never leave the demo member in elder mode for the journeys after this one.
  const page = await browser.newPage();
  await signIn(page, "13800000004", "demo1234");
  await setElderMode(page, false);
  await page.close();
});

test("elder mode: larger layout, a three-item home with check-in, and read-aloud on materials and notices", async ({
  browser,
}) => {
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  // A Party lecture starting in a minute, with study materials: its check-in window is open.
  const lecture = await createMeeting(secretary, { title, startsAt: new Date(Date.now() + 60_000), materials });

  const member = await browser.newPage();
  // Stub the browser's speech synthesis so the test can see what would be read.
  await member.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
    Object.defineProperty(window, "speechSynthesis", {
      configurable: true,
      value: {
        speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => {},
        // A real SpeechSynthesisVoice cannot be made by hand; with none, the utterance's lang picks the voice.
        getVoices: () => [],
      },
    });
  });
  await signIn(member, "13800000004", "demo1234");
  await shot(member, "elder-off-home");
  await setElderMode(member, true);
  await expect(member.getByText("长辈模式已开启。")).toBeVisible();
  await shot(member, "elder-me");

  // Base text at least 20 px.
  const base = await member.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(base).toBeGreaterThanOrEqual(20);

  // The home has the three things: the next activity with its check-in (its window is open), leave, points.
  // In a full run an earlier journey's activity may be the next one; whichever it is, its check-in is here.
  await member.goto("/");
  const home = member.getByTestId("elder-home");
  await expect(home.getByRole("heading", { name: "下一次活动" })).toBeVisible();
  await expect(home.getByRole("heading", { name: "签到", exact: true })).toBeVisible();
  await expect(home.getByRole("link", { name: "请假" })).toBeVisible();
  await expect(home.getByRole("link", { name: "我的积分" })).toBeVisible();
  await shot(member, "elder-home");
  for (const control of await controlHeights(member)) expect(control.height, control.name).toBeGreaterThanOrEqual(56);

  // Read aloud on the study materials calls speech synthesis with the text, in Chinese.
  await member.goto(`/activities/${lecture}`);
  await member.getByRole("button", { name: "朗读：学习材料" }).click();
  await expect(member.getByRole("button", { name: "停止朗读" })).toBeVisible();
  const spoken = await member.evaluate(
    () => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken,
  );
  expect(spoken).toEqual([{ text: materials, lang: "zh-CN" }]);
  await shot(member, "elder-activity");

  // And on a notice: the new lecture's notice is read with its title.
  await member.goto("/notices");
  await member
    .getByRole("button", { name: new RegExp(`^朗读：.*${title}`) })
    .first()
    .click();
  const spokenNotice = await member.evaluate(
    () => (window as unknown as { __spoken: { text: string }[] }).__spoken.at(-1)?.text,
  );
  expect(spokenNotice).toContain(title);
  await shot(member, "elder-notices");

  // The big 签到 takes the code from the secretary's screen, with no hurry.
  await secretary.goto(`/branch/activities/${lecture}/checkin`);
  const code = await currentCode(secretary);
  await member.goto(`/activities/${lecture}`);
  await expect(member.getByText("签到码在签到时间内都有效")).toBeVisible();
  await member.getByLabel("输入 6 位签到码").fill(code);
  await member.getByRole("button", { name: "签到", exact: true }).click();
  await expect(member.getByText(/签到成功|已签到/).first()).toBeVisible();
  await shot(member, "elder-checked-in");

  // Turned off again: the ordinary home is back.
  await setElderMode(member, false);
  await member.goto("/");
  await expect(member.getByTestId("elder-home")).toHaveCount(0);
});
