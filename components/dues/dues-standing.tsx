import { StatGrid } from "@/components/ui/stat-grid";
import { type DuesStanding, type MonthlyDue, ratePercent, yuan } from "@/lib/dues";
import { t } from "@/lib/messages";

/** This month's amount and where the member stands: months owed, arrears, months paid ahead. */
export function DuesStandingView({ due, standing }: { due: MonthlyDue | null; standing: DuesStanding }) {
  return (
    <div className="space-y-2">
      <StatGrid
        items={[
          [t.dues.monthlyDue, due ? yuan(due.fen) : t.dues.noBaseShort],
          [t.dues.rate, due ? (due.bp === null ? t.dues.fixedRate : ratePercent(due.bp)) : "—"],
          [t.dues.arrears, yuan(standing.arrearsFen)],
        ]}
      />
      <p className={standing.arrearsFen > 0 ? "font-medium text-red-800" : "text-stone-700"}>
        {standing.arrearsFen > 0
          ? t.dues.owedSummary(standing.monthsOwed.length, yuan(standing.arrearsFen))
          : due
            ? t.dues.allPaid
            : t.dues.noBase}
      </p>
      {standing.monthsOwed.length > 0 && (
        <p className="text-sm text-stone-700">{standing.monthsOwed.map((m) => t.dues.month(m)).join("、")}</p>
      )}
      {standing.paidAhead.length > 0 && (
        <p className="text-sm text-stone-700">
          {t.dues.paidThrough(t.dues.month(standing.paidAhead[standing.paidAhead.length - 1]))}
        </p>
      )}
    </div>
  );
}
