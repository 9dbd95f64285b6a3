import { Tag } from "@/components/ui/card";
import { t } from "@/lib/messages";

const day = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export interface TransferView {
  id: number;
  memberName: string;
  fromName: string;
  toName: string;
  reason: string;
  status: "pending" | "accepted" | "returned" | "withdrawn";
  requestedAt: Date;
  dueAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  overdue: boolean;
}

/** One transfer as a line of a list: who, from where to where, its state and its deadline. */
export function TransferItem({ row, children }: { row: TransferView; children?: React.ReactNode }) {
  const tone = row.status === "accepted" ? "green" : row.status === "pending" ? "amber" : "stone";
  return (
    <li className="space-y-2 px-4 py-3" data-testid={`transfer-${row.id}`}>
      <p className="flex items-baseline justify-between gap-2">
        <span className="font-medium">{row.memberName}</span>
        <span className="flex gap-1">
          {row.overdue && <Tag tone="red">{t.membership.overdue}</Tag>}
          <Tag tone={tone}>{t.membership.status[row.status]}</Tag>
        </span>
      </p>
      <p className="text-sm text-stone-700">{t.membership.fromTo(row.fromName, row.toName)}</p>
      <p className="text-sm text-stone-600">
        {day(row.requestedAt)} · {row.reason}
      </p>
      {row.status === "pending" ? (
        <p className="text-sm text-stone-600">{t.membership.dueBy(day(row.dueAt))}</p>
      ) : (
        row.decisionNote && <p className="text-sm text-stone-600">{row.decisionNote}</p>
      )}
      {children}
    </li>
  );
}
