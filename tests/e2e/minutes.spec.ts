import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { createMeeting, nextMinute, printShot, proxyCheckInAndClose, shot, signIn } from "./helpers";

const PASSWORD = "demo1234";
const title = "会议记录演练支委会";
const discussion = "传达学习县委组织部文件精神，支委逐一发言。";
const resolutions = "下月组织党员开展社区志愿服务。";

/**
 * The minutes of a meeting: the secretary closes it, writes the minutes beside the facts the app recorded,
 * signs them and downloads the Word file; a member who was there reads them; the county sees which
 * branches' minutes are missing.
 */
test("a secretary closes a meeting, writes and signs the minutes and downloads them; a member reads them; the county sees missing minutes", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", PASSWORD);
  const startsAt = nextMinute();
  const unwritten = await createMeeting(secretary, { title: "未写记录的党小组会", type: "党小组会", startsAt });
  const meeting = await createMeeting(secretary, { title, type: "支委会", startsAt });
  await proxyCheckInAndClose(secretary, meeting);

  await secretary.goto(`/branch/activities/${unwritten}`);
  await secretary.getByRole("button", { name: "结束活动" }).click();
  await expect(secretary.getByText("已结束").first()).toBeVisible();
  await secretary.goto(`/branch/activities/${meeting}`);
  await secretary.getByRole("link", { name: "会议记录" }).click();
  await secretary.waitForURL(/\/minutes$/);
  const facts = secretary.getByRole("table", { name: /活动记录/ });
  await expect(facts).toContainText(title);
  await expect(facts).toContainText(/应到 \d+ 人，实到 2 人/);
  await expect(facts.getByRole("row", { name: /出席/ }).first()).toContainText("刘洋");
  await secretary.getByLabel("主持人").selectOption({ index: 1 });
  await secretary.getByLabel("记录人").selectOption({ label: "刘洋" });
  await secretary.getByLabel("讨论情况").fill(discussion);
  await secretary.getByLabel("会议决议").fill(resolutions);
  await secretary.getByRole("button", { name: "保存", exact: true }).click();
  await expect(secretary.getByText("已保存", { exact: true })).toBeVisible();
  await expect(secretary.getByRole("article", { name: "会议记录" })).toContainText(discussion);
  await secretary.getByRole("button", { name: "签发会议记录" }).click();
  await expect(secretary.getByText(/会议记录已签发，不能再修改/)).toBeVisible();
  await expect(secretary.getByLabel("讨论情况")).toHaveCount(0);
  await shot(secretary, "minutes-signed");

  const download = secretary.waitForEvent("download");
  await secretary.getByRole("link", { name: "下载 Word 文档" }).click();
  const file = await (await download).path();
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toContain(discussion);
  expect(xml).toContain(resolutions);
  expect(xml).toContain("刘洋");

  await secretary.goto(`/activities/${meeting}/minutes`);
  await expect(secretary.getByRole("article", { name: "会议记录" })).toContainText(resolutions);
  await printShot(secretary, "minutes-print");
  await secretary.close();

  const member = await browser.newPage();
  await signIn(member, "13800000004", PASSWORD);
  await member.goto(`/activities/${meeting}`);
  await member.getByRole("link", { name: "查看会议记录" }).click();
  await expect(member.getByRole("article", { name: "会议记录" })).toContainText(discussion);
  await expect(member.getByLabel("讨论情况")).toHaveCount(0);
  await shot(member, "minutes-member");
  await member.close();

  const admin = await browser.newPage();
  await signIn(admin, "13800000001", PASSWORD);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: "组织生活记录情况" }).click();
  const branches = admin.getByRole("list", { name: "各支部记录情况" });
  const home = branches.getByRole("listitem").filter({ hasText: "城关镇东街社区党支部" }).first();
  await expect(home.getByText("需关注")).toBeVisible();
  await expect(home.getByText(/记录缺失/)).toBeVisible();
  await expect(home.getByRole("link", { name: /未写记录的党小组会/ })).toBeVisible();
  await expect(home.getByRole("link", { name: new RegExp(title) })).toHaveCount(0);
  await admin.getByLabel("按年").fill(String(startsAt.getFullYear()));
  await admin.getByRole("button", { name: "查看" }).nth(1).click();
  await expect(home.getByRole("link", { name: /未写记录的党小组会/ })).toBeVisible();
  await shot(admin, "minutes-county-records");
  await admin.close();
});
