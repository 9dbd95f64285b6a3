import { Tag } from "@/components/ui/card";
import type { ChangeRow } from "@/db/queries/schedule-changes";
import type { ChangeStatus } from "@/db/schema/activities";
import { t } from "@/lib/messages";
import { formatWhen } from "@/lib/time";

const tone: Record<ChangeStatus, "amber" | "green" | "red"> = {
  pending_committee: "amber",
  pending_county: "amber",
  approved: "green",
  returned: "red",
  rejected: "red",
};

/** One schedule-change request as both the secretary's history and the admins' list show it. */
export function ScheduleChangeDetails({ change, showBranch = false }: { change: ChangeRow; showBranch?: boolean }) {
  // Each level's decision is implied by where the request went next.
  const committeeWord = change.status === "returned" ? t.scheduleChange.return : t.scheduleChange.endorse;
  const countyWord = change.status === "rejected" ? t.scheduleChange.reject : t.scheduleChange.approve;
  return (
    <div className="space-y-1">
      <div className="flex items-start justify-between gap-2">
        <span className="font-medium">{showBranch ? change.branchName : change.activityTitle}</span>
        <Tag tone={tone[change.status]}>{t.scheduleChange.status[change.status]}</Tag>
      </div>
      {showBranch && <p className="text-sm text-stone-600">{change.activityTitle}</p>}
      <p>
        <span className="text-stone-600 line-through decoration-stone-400">{formatWhen(change.fromStartsAt)}</span>
        <span> → </span>
        <span className="sr-only">{t.scheduleChange.changedTo}</span>
        <strong>{formatWhen(change.toStartsAt)}</strong>
      </p>
      <p className="break-words">
        <span className="text-stone-600">{t.scheduleChange.reason}：</span>
        {change.reason}
      </p>
      <p className="text-sm text-stone-600">
        {t.scheduleChange.requested(change.requestedByName, formatWhen(change.requestedAt))}
      </p>
      {change.committeeAt && (
        <Decision
          label={t.scheduleChange.committee}
          word={committeeWord}
          comment={change.committeeComment}
          by={t.scheduleChange.decidedBy(change.committeeByName ?? "—", formatWhen(change.committeeAt))}
        />
      )}
      {change.countyAt && (
        <Decision
          label={t.scheduleChange.county}
          word={countyWord}
          comment={change.countyComment}
          by={t.scheduleChange.decidedBy(change.countyByName ?? "—", formatWhen(change.countyAt))}
        />
      )}
    </div>
  );
}

function Decision({ label, word, comment, by }: { label: string; word: string; comment: string | null; by: string }) {
  return (
    <p className="rounded-lg bg-stone-50 px-3 py-2 text-sm">
      <span className="font-medium">
        {label}：{word}
      </span>
      {comment && <span className="break-words">，{comment}</span>}
      <span className="block text-stone-600">{by}</span>
    </p>
  );
}
