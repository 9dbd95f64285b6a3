import { yearlyAssessment } from "@/db/queries/assessment";
import { type Part, WEIGHTS } from "@/lib/assessment";
import { t } from "@/lib/messages";
import { endpoint } from "@/lib/server/route";
import { monthOf } from "@/lib/time";
import { yearQuery } from "@/lib/validation/assessment";
import { workbookOf } from "@/lib/xlsx";

/** The year's assessment (?year=2026) as .xlsx: parts (as percentages), score, proposal and tier per unit. */
export const GET = endpoint({
  name: "assessment.export",
  reads: "replica",
  input: yearQuery,
  answer: "xlsx",
  run: async (input, { db, scope }) => {
    const year = input.year ?? Number(monthOf(new Date()).slice(0, 4));
    const { branches, committees } = await yearlyAssessment(db, scope, year);
    const rows = [...committees, ...branches].map((r) => [
      r.name,
      ...(Object.keys(WEIGHTS) as Part[]).map((k) => Math.round(r.parts[k] * 1000) / 10),
      r.score,
      t.assessment.tiers[r.proposal],
      r.decided ? t.assessment.tiers[r.decided.tier] : "",
      r.decided?.note ?? "",
      (Object.entries(r.unmeasured) as [Part, string][])
        .map(([k, why]) => t.assessment.notMet(t.assessment.parts[k], t.assessment.unmeasured[why]))
        .join("；"),
    ]);
    const body = await workbookOf([
      {
        name: t.assessment.sheet.name,
        caption: `${t.assessment.titleOf(year)} · ${t.assessment.formula}`,
        columns: t.assessment.sheet.columns,
        rows,
        widths: { 0: 32, 9: 40, 10: 40 },
      },
    ]);
    return { body, name: `${t.assessment.titleOf(year)}.xlsx` };
  },
});
