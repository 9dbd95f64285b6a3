import ExcelJS from "exceljs";

/** One sheet: a caption row, a bold header row, the rows, and column widths (the rest 16). */
export async function workbookOf(
  sheets: {
    name: string;
    caption: string;
    columns: readonly string[];
    rows: (string | number)[][];
    widths?: Record<number, number>;
  }[],
) {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow([s.caption]);
    sheet.addRow([...s.columns]).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      column.width = s.widths?.[i] ?? 16;
    });
  }
  return workbook.xlsx.writeBuffer();
}

/** A share (0.873) as the percentage a sheet sums and charts (87.3); blank where there is nothing to divide. */
export const sheetPercent = (rate: number | null) => (rate === null ? "" : Math.round(rate * 1000) / 10);
