import { quarterStats } from "@/db/queries/point-stats";
import { parseQuarter } from "@/lib/community";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { quarterQuery } from "@/lib/validation/community";
import { sheetPercent, workbookOf } from "@/lib/xlsx";

/** 积分制实施情况 for a quarter (?quarter=2026-Q4) as .xlsx: per branch, by rule, and the months' attendance. */
export const GET = endpoint({
  name: "points.quarter.export",
  reads: "replica",
  input: quarterQuery,
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const q = parseQuarter(input.quarter, new Date());
    const { branches, rules, trend } = await quarterStats(db, scope, q);
    const caption = `${t.community.quarter(q.year, q.quarter)}${t.stats.title}`;
    const body = await workbookOf([
      {
        name: t.stats.sheet.name,
        caption,
        columns: t.stats.sheet.columns,
        rows: branches.map((b) => [
          b.name,
          b.gained,
          b.lost,
          sheetPercent(b.attendanceRate),
          b.leave,
          sheetPercent(b.makeupRate),
          b.hours,
        ]),
        widths: { 0: 32 },
      },
      {
        name: t.stats.sheet.rulesName,
        caption,
        columns: t.stats.sheet.rulesColumns,
        rows: rules.map((r) => [t.points.rules[r.ruleCode] ?? r.ruleCode, r.points]),
        widths: { 0: 32 },
      },
      {
        name: t.stats.sheet.trendName,
        caption,
        columns: t.stats.sheet.trendColumns,
        rows: trend.map((x) => [t.points.month(x.month), sheetPercent(x.attendanceRate)]),
      },
    ]);
    return { body, name: `${caption}.xlsx` };
  },
});
