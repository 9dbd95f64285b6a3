import { expect, test } from "@playwright/test";
import { auth } from "../../lib/messages/auth";
import { shot, signIn } from "./helpers";

test("a secretary gives a member an activation code; the member activates and signs in", async ({ page, browser }) => {
  await signIn(page, "13800000003", "demo1234");
  await page.getByRole("link", { name: "支部" }).click();
  await expect(page.getByRole("list", { name: "支部花名册" })).toBeVisible();
  await shot(page, "roster");

  const pending = page.getByRole("listitem").filter({ hasText: "未激活" }).first();
  await pending.getByRole("link").click();
  // Numbers are masked until the secretary asks for the whole one (audited).
  await page.getByRole("button", { name: "显示完整号码" }).click();
  const number = page.getByRole("main").getByText(/^1\d{10}$/);
  await expect(number).toBeVisible();
  const phone = (await number.textContent())!.trim();
  await page.getByRole("button", { name: "生成激活码" }).click();
  const code = (await page.getByTestId("activation-code").textContent())!.trim();
  expect(code).toMatch(/^[A-Z0-9]{8}$/);
  await shot(page, "activation-code");

  const member = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await member.goto("/activate");
  await member.getByLabel("手机号", { exact: true }).fill(phone);
  await member.getByLabel("激活码").fill(code.toLowerCase());
  await member.getByLabel("新密码", { exact: true }).fill("short");
  await member.getByLabel("确认新密码").fill("short");
  await member.getByRole("button", { name: "激活账号" }).click();
  await expect(member.getByText("密码至少 8 个字符").first()).toBeVisible();
  await expect(member.getByLabel("激活码")).toHaveValue(code.toLowerCase());

  await member.getByLabel("新密码", { exact: true }).fill("my-own-password");
  await member.getByLabel("确认新密码").fill("my-own-password");
  await member.getByRole("button", { name: "激活账号" }).click();
  await expect(member).toHaveURL(/\/login\?activated=1/);
  await expect(member.getByText("激活成功")).toBeVisible();
  await signIn(member, phone, "my-own-password");
  await expect(member.getByText("所在支部")).toBeVisible();

  // The same code a second time is refused.
  const again = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await again.goto("/activate");
  await again.getByLabel("手机号", { exact: true }).fill(phone);
  await again.getByLabel("激活码").fill(code);
  await again.getByLabel("新密码", { exact: true }).fill("another-password");
  await again.getByLabel("确认新密码").fill("another-password");
  await again.getByRole("button", { name: "激活账号" }).click();
  await expect(again.getByRole("main").getByRole("alert")).toHaveText(auth.codeUsed);
  await shot(again, "activation-reused");
});
