import ExcelJS from "exceljs";
import { importColumns } from "@/lib/validation/roster";

/** An empty roster with the expected header row and one example, for secretaries to fill in. */
export async function GET() {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("花名册");
  sheet.addRow(Object.values(importColumns));
  sheet.addRow(["张三", "13912345678", "男", "正式党员", "在家", "在职", "2010-07-01"]);
  sheet.columns.forEach((column) => (column.width = 14));
  sheet.getColumn(2).numFmt = "@";
  const body = await workbook.xlsx.writeBuffer();
  return new Response(body as ArrayBuffer, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent("花名册模板.xlsx")}`,
      "Cache-Control": "private, max-age=0",
    },
  });
}
