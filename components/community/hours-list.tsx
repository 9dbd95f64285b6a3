import { formatHours } from "@/lib/community";
import { t } from "@/lib/messages";
import { Tag } from "../ui/card";

const tones = { submitted: "blue", confirmed: "green", rejected: "red", superseded: "stone" } as const;

export interface HoursRow {
  id: number;
  servedOn: string;
  halfHours: number;
  description: string;
  status: keyof typeof tones;
  activityTitle: string | null;
  comment?: string | null;
  memberName?: string;
}

/** Entries of volunteer hours with their state; `children` renders what may be done to one (grid worker). */
export function HoursList({ rows, children }: { rows: HoursRow[]; children?: (row: HoursRow) => React.ReactNode }) {
  return (
    <ul className="divide-y divide-stone-100">
      {rows.map((r) => (
        <li key={r.id} className="space-y-1 py-3">
          <p className="flex flex-wrap items-center gap-2">
            {r.memberName && <span className="font-medium">{r.memberName}</span>}
            <span>{r.servedOn}</span>
            <span className="font-semibold">{t.community.hoursUnit(formatHours(r.halfHours))}</span>
            <Tag tone={tones[r.status]}>{t.community.hoursStatus[r.status]}</Tag>
          </p>
          <p className="text-stone-700">{r.activityTitle ?? r.description}</p>
          {r.comment && <p className="text-sm text-stone-600">{`${t.community.comment}：${r.comment}`}</p>}
          {children?.(r)}
        </li>
      ))}
    </ul>
  );
}
