import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { AppError } from "./errors";
import { t } from "./messages";
import { importColumns, importRow, type MemberFields, requiredImportColumns } from "./validation/roster";

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 2000;

type Column = keyof typeof importColumns;
export interface RowError {
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  reasons: string[];
}
export interface RosterSheet {
  rows: { row: number; value: MemberFields }[];
  errors: RowError[];
}

/** Reads an uploaded .xlsx or .csv roster and checks every row; file-level problems throw a bad_request. */
export async function readRosterFile(file: {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}): Promise<RosterSheet> {
  const kind = /\.xlsx$/i.test(file.name) ? "xlsx" : /\.csv$/i.test(file.name) ? "csv" : null;
  if (!kind) throw new AppError("bad_request", t.importer.badType);
  if (file.size > MAX_IMPORT_BYTES) throw new AppError("bad_request", t.importer.tooLarge);
  const bytes = Buffer.from(await file.arrayBuffer());
  const sheet = await loadSheet(kind, bytes).catch(() => {
    throw new AppError("bad_request", t.importer.unreadable);
  });
  return checkRows(sheetRows(sheet));
}

async function loadSheet(kind: "xlsx" | "csv", bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  if (kind === "xlsx") {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const first = workbook.worksheets[0];
    if (!first) throw new Error("no worksheet");
    return first;
  }
  return workbook.csv.read(Readable.from([decodeText(bytes)]));
}

/** Excel on Chinese Windows saves CSV as GB18030; everything else sends UTF-8 (perhaps with a BOM). */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The sheet as text cells keyed by the row number the person sees. */
export function sheetRows(sheet: ExcelJS.Worksheet): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = values.map(cellText);
    if (cells.some((c) => c !== "")) out.push({ row: number, cells });
  });
  return out;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value)
      return value.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("text" in value) return String(value.text).trim();
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value).trim();
}

/** Maps the header row to columns, validates each data row, and finds phones repeated within the file. */
export function checkRows(rows: { row: number; cells: string[] }[]): RosterSheet {
  const [header, ...data] = rows;
  if (!header || data.length === 0) throw new AppError("bad_request", t.importer.empty);
  if (data.length > MAX_IMPORT_ROWS) throw new AppError("bad_request", t.importer.tooManyRows(MAX_IMPORT_ROWS));
  const index = new Map<Column, number>();
  header.cells.forEach((text, i) => {
    const column = (Object.keys(importColumns) as Column[]).find((c) => importColumns[c] === text.replace(/\s/g, ""));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = requiredImportColumns.filter((c) => !index.has(c));
  if (missing.length)
    throw new AppError("bad_request", t.importer.missingColumns(missing.map((c) => importColumns[c])));

  const result: RosterSheet = { rows: [], errors: [] };
  const firstRowOfPhone = new Map<string, number>();
  for (const { row, cells } of data) {
    const raw = Object.fromEntries([...index].map(([column, i]) => [column, cells[i] ?? ""]));
    const parsed = importRow.safeParse(raw);
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) => {
        const column = issue.path[0] as Column | undefined;
        return column && !issue.message.startsWith(importColumns[column])
          ? `${importColumns[column]}：${issue.message}`
          : issue.message;
      });
      result.errors.push({ row, reasons: [...new Set(reasons)] });
      continue;
    }
    const seen = firstRowOfPhone.get(parsed.data.phone);
    if (seen) {
      result.errors.push({ row, reasons: [t.importer.duplicateInFile(seen)] });
      continue;
    }
    firstRowOfPhone.set(parsed.data.phone, row);
    result.rows.push({ row, value: parsed.data });
  }
  return result;
}
