import { expect, test } from "@playwright/test";
import { shot, signIn } from "./helpers";

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(",")).join("\n")}\n`, "utf8");
const header = ["姓名", "手机号", "性别", "党员类别", "流动状态", "在职状态", "入党日期"];

test("a roster with one bad row is reported row by row and nothing is imported; the fixed file imports", async ({
  page,
}) => {
  await signIn(page, "13800000003", "demo1234");
  await page.goto("/branch");
  const countText = page.getByText(/^共 \d+ 名党员/);
  const before = Number((await countText.textContent())!.match(/共 (\d+)/)![1]);
  await page.getByRole("link", { name: "批量导入" }).click();

  const rows = [
    header,
    ["赵一", "13955550001", "男", "正式党员", "在家", "在职", "2015-07-01"],
    ["钱二", "1395555", "女", "预备党员", "在家", "在职", ""],
  ];
  await page.getByLabel("选择文件").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: csv(rows) });
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page.getByText("共 2 行，其中 1 行有误")).toBeVisible();
  await expect(page.getByRole("list", { name: "有误的行" })).toHaveText(["第 3 行：手机号：请输入 11 位手机号码"]);
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("未导入任何数据")).toBeVisible();
  await shot(page, "import-bad-row");

  await page.goto("/branch");
  await expect(countText).toHaveText(new RegExp(`^共 ${before} 名党员`));

  await page.getByRole("link", { name: "批量导入" }).click();
  rows[2][1] = "13955550002";
  await page.getByLabel("选择文件").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: csv(rows) });
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("已导入 2 名党员。")).toBeVisible();
  await page.goto("/branch");
  await expect(countText).toHaveText(new RegExp(`^共 ${before + 2} 名党员`));
});

test("a secretary cannot open another branch's roster by its address", async ({ page }) => {
  await signIn(page, "13800000003", "demo1234");
  await page.goto("/branch");
  const own = Number(new URL(page.url()).pathname.split("/").pop());
  for (const other of [own + 1, own - 1]) {
    const response = await page.goto(`/branch/${other}`);
    expect(response?.status()).toBe(404);
  }
});
