import { t } from "@/lib/messages";
import { signed } from "@/lib/points";
import { Tag } from "../ui/card";

const day = new Intl.DateTimeFormat("zh-CN", { month: "long", day: "numeric", timeZone: "Asia/Shanghai" });

export interface EntryRow {
  id: number;
  ruleCode: string;
  points: number;
  reason: string;
  sourceType: string;
  occurredAt: Date;
  reversesId: number | null;
  reversed: boolean;
  appealStatus: "pending" | "answered" | null;
  appealAnswer: string | null;
}

/** Ledger entries: the change, the rule and its reason, the source; `children` adds what may be done to one. */
export function EntryList({ rows, children }: { rows: EntryRow[]; children?: (row: EntryRow) => React.ReactNode }) {
  return (
    <ul className="divide-y divide-stone-100" aria-label={t.points.entries}>
      {rows.map((r) => (
        <li key={r.id} className="space-y-1 py-3">
          <p className="flex flex-wrap items-center gap-2">
            <span className={`min-w-12 text-lg font-semibold ${r.points < 0 ? "text-red-800" : "text-green-800"}`}>
              {signed(r.points)}
            </span>
            <span className="font-medium">{r.reversesId ? t.points.reversal : t.points.rules[r.ruleCode]}</span>
            {r.reversed && <Tag>{t.points.reversed}</Tag>}
            {r.appealStatus === "pending" && <Tag tone="amber">{t.points.appealOpen}</Tag>}
          </p>
          <p className="text-stone-700">{r.reason}</p>
          <p className="text-sm text-stone-600">
            {day.format(r.occurredAt)} · {t.points.source[r.sourceType] ?? r.sourceType}
          </p>
          {r.appealAnswer && (
            <p className="rounded-lg bg-stone-50 p-2 text-sm text-stone-800">
              {t.points.appealAnswered(r.appealAnswer)}
            </p>
          )}
          {children?.(r)}
        </li>
      ))}
    </ul>
  );
}
