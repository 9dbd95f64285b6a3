import type { LeaveRow } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { formatWhen } from "@/lib/time";
import { LinkList } from "../ui/link-list";
import { FiledByTag, LateTag, LeaveStatusTag, MakeupTag } from "./leave-tags";

/** Requests as a list of links to their page; `who` shows the member's name (for secretaries) or the activity. */
export function LeaveList({ rows, who, label }: { rows: LeaveRow[]; who: "member" | "activity"; label: string }) {
  return (
    <LinkList
      label={label}
      rows={rows.map((r) => ({
        key: r.id,
        href: `/leave/${r.id}`,
        title: who === "member" ? r.memberName : r.activityTitle,
        aside: <LeaveStatusTag status={r.status} activityStatus={r.activityStatus} />,
        detail: `${who === "member" ? r.activityTitle : formatWhen(r.startsAt)} · ${t.leave.types[r.type]}：${r.reason}`,
        more: (r.late || r.makeup || r.filedByName) && (
          <span className="mt-1 flex flex-wrap gap-1">
            {r.filedByName && <FiledByTag name={r.filedByName} />}
            {r.late && <LateTag />}
            {r.makeup && <MakeupTag state={r.makeup} />}
            {r.makeup && r.dueAt && r.makeup !== "confirmed" && (
              <span className="text-xs text-stone-600">{t.leave.makeup.due(formatWhen(r.dueAt))}</span>
            )}
          </span>
        ),
      }))}
    />
  );
}
