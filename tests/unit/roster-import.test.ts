import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkRows, decodeText, readRosterFile } from "@/lib/roster-import";

const header = ["姓名", "手机号", "性别", "党员类别", "流动状态", "在职状态", "入党日期"];
const good = ["张三", "13912345678", "男", "正式党员", "在家", "在职", "2010-07-01"];

const asFile = (name: string, bytes: Uint8Array | string) => {
  const buffer = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes);
  return {
    name,
    size: buffer.length,
    arrayBuffer: async () => buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length) as ArrayBuffer,
  };
};
const rows = (...cells: string[][]) => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe("checkRows", () => {
  it("accepts good rows and maps Chinese words to codes", () => {
    const sheet = checkRows(rows(header, good, ["李四", "13912345679", "女", "预备", "外出", "离退休", ""]));
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows.map((r) => r.value)).toEqual([
      {
        name: "张三",
        phone: "13912345678",
        gender: "male",
        category: "formal",
        presence: "home",
        employment: "in_office",
        joinedOn: "2010-07-01",
      },
      {
        name: "李四",
        phone: "13912345679",
        gender: "female",
        category: "probationary",
        presence: "away",
        employment: "retired",
        joinedOn: undefined,
      },
    ]);
  });

  it("reports every bad row by its spreadsheet row number and reason", () => {
    const sheet = checkRows(
      rows(
        header,
        good,
        ["", "139", "未知", "正式", "在家", "在职", ""],
        ["王五", "13912345678", "男", "正式", "在家", "在职", ""],
      ),
    );
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.errors).toEqual([
      { row: 3, reasons: ["姓名：请输入姓名（1–30 个字）", "手机号：请输入 11 位手机号码", "性别应为：男/女"] },
      { row: 4, reasons: ["手机号与第 2 行重复"] },
    ]);
  });

  it("refuses a file without the required columns or without data", () => {
    expect(() => checkRows(rows(["姓名", "电话"], ["张三", "13912345678"]))).toThrow(/缺少表头：手机号、性别/);
    expect(() => checkRows(rows(header))).toThrow(AppError);
    expect(() => checkRows([])).toThrow("文件中没有数据行。");
  });

  it("accepts columns in any order", () => {
    const sheet = checkRows(rows([...header].reverse(), [...good].reverse()));
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows[0].value.name).toBe("张三");
  });
});

describe("readRosterFile", () => {
  it("reads an .xlsx with a numeric phone cell and a date cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("花名册");
    sheet.addRow(header);
    sheet.addRow(["张三", 13912345678, "男", "正式党员", "在家", "在职", new Date(Date.UTC(2010, 6, 1))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await readRosterFile(asFile("roster.xlsx", bytes));
    expect(result.errors).toEqual([]);
    expect(result.rows[0].value).toMatchObject({ phone: "13912345678", joinedOn: "2010-07-01" });
  });

  it("reads a UTF-8 .csv with a BOM", async () => {
    const csv = `\uFEFF${header.join(",")}\n${good.join(",")}\n`;
    const result = await readRosterFile(asFile("roster.csv", csv));
    expect(result.rows).toHaveLength(1);
  });

  it("reads a GB18030 .csv as saved by Excel on Chinese Windows", () => {
    const gbk = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]); // 张三 in GB18030
    expect(decodeText(gbk)).toBe("张三");
  });

  it("refuses other types, oversized and unreadable files with a clear message", async () => {
    await expect(readRosterFile(asFile("roster.pdf", "x"))).rejects.toThrow("只支持 .xlsx 或 .csv 文件。");
    await expect(readRosterFile({ ...asFile("big.csv", "x"), size: 3 * 1024 * 1024 })).rejects.toThrow(
      "文件不能超过 2 MB。",
    );
    await expect(readRosterFile(asFile("broken.xlsx", "not a zip"))).rejects.toThrow("无法读取该文件");
  });
});
