import { Tag } from "@/components/ui/card";
import type { Outcome } from "@/db/schema/activities";
import type { ActivityPhase } from "@/lib/activity-phase";
import { t } from "@/lib/messages";
import { PhaseTag } from "./phase-tag";

const tone = { present: "green", late: "amber", leave: "blue", absent: "red" } as const;

/**
 * The member's own result of an activity. A recorded outcome is shown as soon as it exists (a check-in
 * during the activity is already true); otherwise the activity's phase until closing. Closing gives every
 * expected member an outcome, so after it only members who were not expected (away) have none.
 */
export function OutcomeTag({
  outcome,
  expected,
  phase,
}: {
  outcome: Outcome | null;
  expected: boolean;
  phase: ActivityPhase;
}) {
  if (outcome) return <Tag tone={tone[outcome]}>{t.run.outcome[outcome]}</Tag>;
  if (phase !== "closed") return <PhaseTag phase={phase} />;
  return expected ? null : <Tag>{t.memberActivity.notExpected}</Tag>;
}
