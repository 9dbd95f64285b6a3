import { Tag } from "@/components/ui/card";
import type { Outcome } from "@/db/schema/activities";
import { t } from "@/lib/messages";

const tone = { present: "green", late: "amber", leave: "blue", absent: "red" } as const;

/**
 * The member's own result of an activity. A recorded outcome is shown as soon as it exists (a check-in
 * during the activity is already true); otherwise 待开展 until closing. Closing gives every expected member
 * an outcome, so after it only members who were not expected (away) have none.
 */
export function OutcomeTag({ outcome, expected, closed }: { outcome: Outcome | null; expected: boolean; closed: boolean }) {
  if (outcome) return <Tag tone={tone[outcome]}>{t.run.outcome[outcome]}</Tag>;
  if (!closed) return <Tag>{t.memberActivity.pending}</Tag>;
  return expected ? null : <Tag>{t.memberActivity.notExpected}</Tag>;
}
