import { expect, type Page, test } from "@playwright/test";
import { errors } from "@/lib/messages/errors";
import { publishPlanViaUi, shot, signIn } from "./helpers";

/**
 * The 10th at 09:00, seven months on. One plan per month and journeys share one database: the current
 * month and +4 are taken by other journeys, so this one keeps well clear of them.
 */
function monthOfItsOwn(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 7, 10));
  return `${at.toISOString().slice(0, 10)}T09:00`;
}

const title = "请假与补学演练";
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const reflection =
  "认真阅读了本次主题党日的学习材料，重新学习了党章第一章总纲，体会到党员要时刻牢记自己的身份，在社区服务和本职工作中发挥先锋模范作用。今后我会按时参加组织生活，主动向支部汇报思想和工作情况。";
const alert = (page: Page) => page.getByRole("main").getByRole("alert");

test("a member asks for leave, the secretary approves it from the badge, the member does the make-up study", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await browser.newPage();
  await signIn(admin, "13800000001", "demo1234");
  await publishPlanViaUi(admin, { title, startsAt: monthOfItsOwn(), items: ["集中学习"] });
  await admin.close();

  // The member opens the activity and asks for leave; bad requests are refused with a reason.
  const member = await browser.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto("/activities");
  await member.getByRole("link", { name: new RegExp(title) }).click();
  await expect(member.getByRole("heading", { name: title })).toBeVisible();
  await shot(member, "leave-activity");
  await member.getByRole("link", { name: "请假", exact: true }).click();
  await expect(member.getByRole("heading", { name: "请假申请" })).toBeVisible();

  await member.getByRole("button", { name: "提交申请" }).click();
  await expect(alert(member)).toHaveText("请填写请假事由");
  await member.getByLabel("请假类型").selectOption("personal");
  await member.getByLabel("请假事由").fill("家中老人住院，需要陪护");
  const attachment = member.getByLabel("附件（可选）");
  await attachment.setInputFiles({
    name: "scan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(6 * 1024 * 1024, 0x25),
  });
  await member.getByRole("button", { name: "提交申请" }).click();
  // Refused before it is sent: the form knows the limit.
  await expect(alert(member)).toHaveText(errors.tooLarge);
  // Small but not really a PDF: the server reads the first bytes and refuses it too.
  await attachment.setInputFiles({ name: "note.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf") });
  await member.getByRole("button", { name: "提交申请" }).click();
  await expect(alert(member)).toHaveText("只支持 JPG、PNG、WebP 图片或 PDF，且不超过 5 MB。");
  await shot(member, "leave-refused");

  await attachment.setInputFiles({ name: "note.png", mimeType: "image/png", buffer: png });
  await member.getByRole("button", { name: "提交申请" }).click();
  await expect(member).toHaveURL(/\/leave\/\d+$/);
  await expect(member.getByText("待审批").first()).toBeVisible();
  await expect(member.getByRole("link", { name: "查看附件" })).toBeVisible();
  await shot(member, "leave-requested");

  // The secretary sees the badge on the branch's tabs and approves from the pending list.
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  await secretary.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "支部" }).click();
  const badge = secretary.getByRole("link", { name: /^请假.*1 项待审批/ });
  await expect(badge).toBeVisible();
  await shot(secretary, "leave-badge");
  await badge.click();
  await secretary.getByLabel("选择 刘洋 的申请").check();
  await shot(secretary, "leave-pending");
  await secretary.getByRole("button", { name: "批准所选申请" }).click();
  await expect(secretary.getByText(/^已批准 1 项/)).toBeVisible();
  await expect(secretary.getByText("没有待审批的申请。")).toBeVisible();
  await expect(secretary.getByRole("link", { name: /^请假.*项待审批/ })).toHaveCount(0);

  // The member is told, and does the make-up study at once (studying before the activity is fine).
  await member.goto("/notices");
  await expect(member.getByRole("link", { name: new RegExp(`请假已批准：${title}`) })).toBeVisible();
  await member.goto("/leave");
  await member.getByRole("link", { name: new RegExp(title) }).click();
  await expect(member.getByText("已批准").first()).toBeVisible();
  await expect(member.getByText("学习党章第一章总纲。", { exact: false })).toBeVisible();
  await member.getByLabel("学习体会").fill("学习了，很有收获。");
  await member.getByRole("button", { name: "提交补学" }).click();
  await expect(alert(member)).toHaveText("学习体会至少 50 个字");
  await member.getByLabel("学习体会").fill(reflection);
  await member.getByRole("button", { name: "提交补学" }).click();
  await expect(member.getByText("已提交，等待确认。")).toBeVisible();
  await expect(member.getByText("补学 · 待确认").first()).toBeVisible();
  await expect(member.getByRole("button", { name: "更新学习体会" })).toBeVisible();
  await shot(member, "leave-makeup-submitted");

  // The secretary confirms it from the make-up list; the member sees it done.
  await secretary.getByRole("link", { name: "补学", exact: true }).click();
  await expect(secretary).toHaveURL(/view=makeup/);
  await expect(secretary.getByRole("list", { name: "补学" })).toBeVisible();
  await shot(secretary, "leave-makeup-list");
  await secretary.getByRole("link", { name: /刘洋/ }).click();
  await expect(secretary.getByText(reflection)).toBeVisible();
  await secretary.getByRole("button", { name: "确认补学" }).click();
  await expect(secretary.getByText("补学 · 已完成").first()).toBeVisible();
  await expect(secretary.getByRole("button", { name: "确认补学" })).toHaveCount(0);
  await shot(secretary, "leave-makeup-confirmed");

  await member.reload();
  await expect(member.getByText("补学 · 已完成").first()).toBeVisible();
  await expect(member.getByText(reflection)).toBeVisible();
  await shot(member, "leave-done");
});
