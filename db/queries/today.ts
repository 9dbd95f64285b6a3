import { eq, sql } from "drizzle-orm";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { notices } from "../schema/activities";
import { leaveRequests } from "../schema/leave";
import { privacyAcknowledgements } from "../schema/privacy";
import { users } from "../schema/users";
import { myCheckin } from "./checkins";

/**
 * The caller's own part of the start page (/today) in one statement: their name and 长辈模式, the newest
 * privacy notice they acknowledged, their unread notices, and their leave request for `activityId` (the
 * newest one not withdrawn), with their check-in to it beside. Everything is keyed by the caller's own user id.
 */
export async function myToday(db: Db, scope: Scope, activityId: number | null) {
  const leave = activityId
    ? sql<string | null>`(select ${leaveRequests.status} from ${leaveRequests}
        where ${leaveRequests.memberId} = ${scope.userId} and ${leaveRequests.activityId} = ${activityId}
          and ${leaveRequests.status} <> 'withdrawn'
        order by ${leaveRequests.createdAt} desc, ${leaveRequests.id} desc limit 1)`
    : sql<string | null>`null`;
  const [[me], checkin] = await Promise.all([
    db
      .select({
        name: users.name,
        elderMode: users.elderMode,
        privacyVersion: sql<number>`coalesce((select max(${privacyAcknowledgements.version})
          from ${privacyAcknowledgements} where ${privacyAcknowledgements.userId} = ${scope.userId}), 0)`.mapWith(
          Number,
        ),
        unread: sql<number>`(select count(*) from ${notices}
          where ${notices.userId} = ${scope.userId} and ${notices.readAt} is null)`.mapWith(Number),
        leave,
      })
      .from(users)
      .where(eq(users.id, scope.userId)),
    activityId ? myCheckin(db, scope, activityId) : null,
  ]);
  if (!me) return null;
  return { ...me, leave: me.leave as "pending" | "approved" | "rejected" | null, checkin };
}
