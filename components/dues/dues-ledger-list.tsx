import { Tag } from "@/components/ui/card";
import { yuan } from "@/lib/dues";
import { t } from "@/lib/messages";
import { formatFull } from "@/lib/time";
import { ReverseForm } from "./dues-forms";

export interface LedgerRow {
  id: number;
  month: string;
  amountFen: number;
  channel: "theme_day" | "secretary";
  payerName: string | null;
  note: string | null;
  reversesId: number | null;
  reversed: boolean;
  recordedAt: Date;
  recordedBy: string;
}

/** A member's ledger, newest month first; a standing payment can be reversed by whoever may take one. */
export function DuesLedgerList({ entries, canReverse }: { entries: LedgerRow[]; canReverse: boolean }) {
  if (entries.length === 0) return <p className="text-stone-600">{t.dues.noEntries}</p>;
  return (
    <ul className="divide-y divide-stone-100" aria-label={t.dues.ledger}>
      {entries.map((e) => (
        <li key={e.id} className="py-2">
          <p className="flex items-baseline justify-between gap-2">
            <span className="font-medium">{t.dues.month(e.month)}</span>
            <span className={e.amountFen < 0 ? "font-semibold text-red-800" : "font-semibold"}>
              {t.dues.yuan(yuan(e.amountFen))}
            </span>
          </p>
          <p className="flex flex-wrap items-center gap-1 text-sm text-stone-700">
            <Tag>{e.reversesId ? t.dues.reversal : t.dues.channel[e.channel]}</Tag>
            {e.reversed && <Tag tone="amber">{t.dues.reversed}</Tag>}
            <span>
              {formatFull(e.recordedAt)} · {t.dues.payer} {e.payerName ?? t.dues.self} · {t.dues.recordedBy}{" "}
              {e.recordedBy}
            </span>
          </p>
          {e.note && <p className="text-sm text-stone-700">{e.note}</p>}
          {canReverse && !e.reversesId && !e.reversed && (
            <ReverseForm entryId={e.id} month={e.month} amountFen={e.amountFen} />
          )}
        </li>
      ))}
    </ul>
  );
}
