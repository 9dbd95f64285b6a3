import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { attendance } from "../schema/activities";
import { loadActivity } from "./activities";
import { writeAudit } from "./audit";
import { proxyCheckIn } from "./checkins";

export interface PaperSheetEntry {
  memberId: number;
  outcome: "present" | "late";
}

/**
 * The paper sign-in sheet, copied back in one screen: each member marked present or late on paper
 * is checked in through the proxy path, so every one is recorded as a proxy entry, audited and told to the
 * member, and exactly once — a member already checked in (on their phone, or by an earlier copy of the
 * sheet) is left as they are and counted as such.
 */
export async function recordPaperSheet(
  db: Db,
  scope: Scope,
  input: { activityId: number; entries: PaperSheetEntry[] },
  now = new Date(),
) {
  // The whole sheet or nothing: a failure halfway leaves no member checked in from it.
  return db.transaction(async (tx) => {
    const activity = await loadActivity(tx, scope, input.activityId, canManageActivity);
    if (activity.status === "closed") throw new AppError("conflict", t.checkin.closed);
    // Every name on the sheet must be on the activity's roster before anyone is recorded.
    const ids = input.entries.map((e) => e.memberId);
    const onRoster = await tx
      .select({ memberId: attendance.memberId })
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), inArray(attendance.memberId, ids)));
    if (onRoster.length !== new Set(ids).size) throw new AppError("not_found");
    let recorded = 0;
    let already = 0;
    for (const entry of input.entries) {
      const answer = await proxyCheckIn(
        tx,
        scope,
        {
          activityId: activity.id,
          memberId: entry.memberId,
          reason: t.assist.paperReason,
          late: entry.outcome === "late",
        },
        now,
      );
      if (answer.status === "already") already++;
      else recorded++;
    }
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "checkin.paper_sheet",
      targetType: "activity",
      targetId: activity.id,
      nodePath: activity.branchPath,
      detail: { recorded, already },
    });
    return { recorded, already };
  });
}
