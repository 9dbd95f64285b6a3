import Link from "next/link";
import type { LeaveRow } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { formatWhen } from "@/lib/time";
import { FiledByTag, LateTag, LeaveStatusTag, MakeupTag } from "./leave-tags";

/** Requests as a list of links to their page; `who` shows the member's name (for secretaries) or the activity. */
export function LeaveList({ rows, who, label }: { rows: LeaveRow[]; who: "member" | "activity"; label: string }) {
  return (
    <ul className="divide-y divide-stone-100 rounded-xl bg-white" aria-label={label}>
      {rows.map((r) => (
        <li key={r.id}>
          <Link href={`/leave/${r.id}`} className="block px-4 py-3">
            <span className="flex items-center justify-between gap-2">
              <span className="font-medium">{who === "member" ? r.memberName : r.activityTitle}</span>
              <LeaveStatusTag status={r.status} activityStatus={r.activityStatus} />
            </span>
            <span className="mt-1 block text-sm text-stone-600">
              {who === "member" ? r.activityTitle : formatWhen(r.startsAt)} · {t.leave.types[r.type]}：{r.reason}
            </span>
            {(r.late || r.makeup || r.filedByName) && (
              <span className="mt-1 flex flex-wrap gap-1">
                {r.filedByName && <FiledByTag name={r.filedByName} />}
                {r.late && <LateTag />}
                {r.makeup && <MakeupTag state={r.makeup} />}
                {r.makeup && r.dueAt && r.makeup !== "confirmed" && (
                  <span className="text-xs text-stone-600">{t.leave.makeup.due(formatWhen(r.dueAt))}</span>
                )}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
