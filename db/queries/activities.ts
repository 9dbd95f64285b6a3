import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { formatWhen } from "@/lib/time";
import type { Db } from "../open";
import { type Activity, type ActivityType, activities, activitySteps, attendance } from "../schema/activities";
import { orgNodes } from "../schema/org";
import { members } from "../schema/users";
import { notify } from "./notify";
import { armReminders } from "./reminders";
import { pathUnder } from "./scope-sql";

export type ActivityWithBranch = Activity & { branchPath: string; branchName: string };

/**
 * Loads an activity with its branch's path and name; not-found and out-of-scope are told apart only by
 * status (404 / 403), never by content. `allowed` is a rule from lib/permissions.
 */
export async function loadActivity(
  db: Db,
  scope: Scope,
  id: number,
  allowed: (scope: Scope, branchPath: string) => boolean,
): Promise<ActivityWithBranch> {
  const [row] = await db
    .select({ activity: activities, branchPath: orgNodes.path, branchName: orgNodes.name })
    .from(activities)
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .where(eq(activities.id, id));
  if (!row) throw new AppError("not_found");
  if (!allowed(scope, row.branchPath)) throw new AppError("forbidden");
  return { ...row.activity, branchPath: row.branchPath, branchName: row.branchName };
}

export interface NewActivity {
  branchId: number;
  type: ActivityType;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  place?: string;
  materials?: string;
  links?: { title: string; url: string }[];
  planId?: number;
  planVersion?: number;
  steps: { kind: "oath" | "dues" | "custom"; title: string; mandatory: boolean }[];
  createdBy: number;
}

/**
 * Creates an activity with its agenda and roster and sends its notice to every expected member. The one
 * way activities come to be: from a plan, for a branch created later, or as one of 三会一课.
 */
export async function insertActivity(tx: Db, input: NewActivity, now = new Date()): Promise<Activity> {
  const [activity] = await tx
    .insert(activities)
    .values({
      branchId: input.branchId,
      planId: input.planId,
      planVersion: input.planVersion,
      type: input.type,
      title: input.title,
      startsAt: input.startsAt,
      durationMinutes: input.durationMinutes,
      place: input.place ?? "",
      materials: input.materials ?? "",
      links: input.links ?? [],
      createdBy: input.createdBy,
    })
    .returning();
  if (input.steps.length) {
    await tx
      .insert(activitySteps)
      .values(input.steps.map((s, i) => ({ ...s, activityId: activity.id, position: i + 1 })));
  }
  const expected = await syncRoster(tx, activity, now);
  await armReminders(tx, activity, now);
  await notify(tx, expected, {
    kind: "activity",
    activityId: activity.id,
    title: `${t.activityType[activity.type]}：${activity.title}`,
    body: `${formatWhen(activity.startsAt)}${activity.place ? `，${activity.place}` : ""}`,
  });
  return activity;
}

/**
 * Until the activity starts, its roster follows the branch: new members join, members who left go, and
 * `expected` follows at-home status. From the start it is frozen. Returns the expected members' ids.
 * Only writes call it (db/queries/expected-roster.ts says which).
 */
export async function syncRoster(
  tx: Db,
  activity: Pick<Activity, "id" | "branchId" | "startsAt" | "rosterFrozenAt">,
  now = new Date(),
): Promise<number[]> {
  if (now < activity.startsAt && !activity.rosterFrozenAt) {
    const current = await tx
      .select({ userId: members.userId, presence: members.presence })
      .from(members)
      .where(and(eq(members.branchId, activity.branchId), eq(members.active, true)));
    const ids = current.map((m) => m.userId);
    await tx
      .delete(attendance)
      .where(
        and(
          eq(attendance.activityId, activity.id),
          sql`${attendance.outcome} is null`,
          ids.length ? notInArray(attendance.memberId, ids) : undefined,
        ),
      );
    if (current.length) {
      await tx
        .insert(attendance)
        .values(current.map((m) => ({ activityId: activity.id, memberId: m.userId, expected: m.presence === "home" })))
        .onConflictDoUpdate({
          target: [attendance.activityId, attendance.memberId],
          set: { expected: sql`excluded.expected` },
        });
    }
  }
  const rows = await tx
    .select({ memberId: attendance.memberId })
    .from(attendance)
    .where(and(eq(attendance.activityId, activity.id), eq(attendance.expected, true)))
    .orderBy(asc(attendance.memberId));
  return rows.map((r) => r.memberId);
}

/** Branches under a node (the county, say), for creating a plan's activities. */
export async function branchesUnder(db: Db, path: string) {
  return db
    .select({ id: orgNodes.id, path: orgNodes.path })
    .from(orgNodes)
    .where(and(eq(orgNodes.kind, "branch"), pathUnder(orgNodes.path, [path])))
    .orderBy(asc(orgNodes.id));
}
