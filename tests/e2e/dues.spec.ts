import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { dues } from "@/lib/messages/dues";
import { shot, signIn } from "./helpers";

test("a member declares a base; the secretary downloads the month's dues sheet; the county sees the roll-up", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // 刘洋 declares his income: 3,000.01 yuan is over the first band, so the whole of it is at 1 %.
  const member = await browser.newPage();
  await signIn(member, "13800000004", "demo1234");
  await member.goto("/me");
  await member.getByRole("link", { name: new RegExp(`^${dues.mine}`) }).click();
  await member.getByLabel(dues.baseKind).selectOption("in_work");
  await member.getByLabel(dues.base).fill("3000.01");
  await member.getByRole("button", { name: dues.declare }).click();
  await expect(member.getByText(dues.declared)).toBeVisible();
  await expect(member.getByText(`${dues.baseShort} ${dues.yuan("3000.01")}`)).toBeVisible();
  await expect(member.getByText("1%", { exact: true })).toBeVisible();
  await expect(member.getByText("30.00", { exact: true }).first()).toBeVisible();
  await shot(member, "dues-member");
  await member.goto("/me");
  await expect(member.getByRole("link", { name: new RegExp(`^${dues.mine}`) })).toContainText(
    dues.owedSummary(1, "30.00"),
  );
  await member.close();

  // The secretary: the sheet on screen with 刘洋 owing this month, his base masked until shown (audited).
  const secretary = await browser.newPage();
  await signIn(secretary, "13800000003", "demo1234");
  await secretary.goto("/branch");
  await secretary.getByRole("link", { name: dues.tab, exact: true }).click();
  await expect(secretary.getByRole("heading", { name: dues.arrearsList })).toBeVisible({ timeout: 30_000 });
  const row = secretary.getByRole("list", { name: dues.sheetTitle }).getByRole("link", { name: /^刘洋/ });
  await expect(row).toContainText(`${dues.due} 30.00`);
  await shot(secretary, "dues-sheet");
  await row.click();
  await secretary.waitForURL(/\/dues\/\d+$/);
  await expect(secretary.getByText(dues.masked, { exact: true })).toBeVisible();
  await secretary.getByRole("button", { name: dues.showBase }).click();
  await expect(secretary.getByText(dues.yuan("3000.01"))).toBeVisible();
  await shot(secretary, "dues-member-secretary");
  await secretary.goBack();
  await secretary.waitForURL(/\/dues$/);

  const [download] = await Promise.all([
    secretary.waitForEvent("download"),
    secretary.getByRole("link", { name: dues.exportXlsx }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`${dues.sheetName}\\.xlsx$`));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.worksheets[0];
  expect(sheet.getRow(2).values).toContain(dues.sheetColumns[0]);
  const liu = sheet.getRows(3, sheet.rowCount - 2)!.find((r) => r.getCell(1).value === "刘洋")!;
  expect(liu.getCell(3).value).toBe(3000.01);
  expect(liu.getCell(5).value).toBe(30);
  expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe(dues.handedUp);
  await secretary.close();

  // The county: every branch's month, the home branch among them.
  const admin = await browser.newPage();
  await signIn(admin, "13800000001", "demo1234");
  await admin.goto("/admin");
  await admin.getByRole("link", { name: dues.rollupTitle }).click();
  await expect(admin.getByRole("link", { name: "城关镇东街社区党支部" })).toBeVisible();
  await shot(admin, "dues-rollup");
});
