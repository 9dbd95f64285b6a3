import ExcelJS from "exceljs";
import { z } from "zod";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { importColumns } from "@/lib/validation/roster";

/** An empty roster with the expected header row and one example, for secretaries to fill in. */
export const GET = endpoint({
  name: "roster.template",
  input: z.object({}),
  answer: "xlsx",
  session: "none",
  run: async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(t.importer.templateSheet);
    sheet.addRow(Object.values(importColumns));
    sheet.addRow([...t.importer.templateExample]);
    for (const column of sheet.columns) column.width = 14;
    sheet.getColumn(2).numFmt = "@";
    return { body: await workbook.xlsx.writeBuffer(), name: t.importer.templateFile };
  },
});
