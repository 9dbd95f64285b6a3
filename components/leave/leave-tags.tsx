import { Tag } from "@/components/ui/card";
import type { LeaveStatus } from "@/db/schema/leave";
import type { MakeupState } from "@/lib/leave";
import { t } from "@/lib/messages";

const statusTone = { pending: "amber", approved: "green", rejected: "red", withdrawn: "stone" } as const;
const makeupTone = { todo: "blue", overdue: "red", submitted: "amber", confirmed: "green" } as const;

/** A request's state; a pending one on a closed activity will never be decided, and says so. */
export function LeaveStatusTag({
  status,
  activityStatus,
}: {
  status: LeaveStatus;
  activityStatus: "scheduled" | "closed";
}) {
  if (status === "pending" && activityStatus === "closed") return <Tag>{t.leave.undecidedClosed}</Tag>;
  return <Tag tone={statusTone[status]}>{t.leave.status[status]}</Tag>;
}

export function MakeupTag({ state }: { state: MakeupState }) {
  return (
    <Tag tone={makeupTone[state]}>
      {t.leave.makeup.title} · {t.leave.makeup.state[state]}
    </Tag>
  );
}

/** Filed by a secretary for a member without a phone: said on every view of the request. */
export function FiledByTag({ name }: { name: string }) {
  return <Tag tone="blue">{t.assist.filedBy(name)}</Tag>;
}

export function LateTag() {
  return <Tag tone="amber">{t.leave.late}</Tag>;
}
