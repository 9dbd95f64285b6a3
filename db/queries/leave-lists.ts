import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "@/lib/errors";
import { leaveWindow, makeupState } from "@/lib/leave";
import { canDecideLeave, canReadLeave, canReadRoster, canRequestLeave, type LeaveSubject } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { reachedPaths } from "@/lib/scope-paths";
import type { BranchLeaveQuery } from "@/lib/validation/leave";
import type { Db } from "../open";
import { activities, attendance, uploads } from "../schema/activities";
import { leaveRequests, makeupTasks } from "../schema/leave";
import { orgNodes } from "../schema/org";
import { users } from "../schema/users";
import { loadActivity } from "./activities";
import { loadBranch } from "./branch";
import { bySecretary, loadLeave } from "./leave";
import { pathUnder } from "./scope-sql";

/** Reading leave: the member's own list, the secretary's views, the committee's, one request, the export. */

const decider = alias(users, "decider");
const filer = alias(users, "filer");
const LIMIT = 200;

const columns = {
  id: leaveRequests.id,
  activityId: leaveRequests.activityId,
  activityTitle: activities.title,
  startsAt: activities.startsAt,
  activityStatus: activities.status,
  branchId: activities.branchId,
  branchPath: orgNodes.path,
  memberId: leaveRequests.memberId,
  memberName: users.name,
  type: leaveRequests.type,
  reason: leaveRequests.reason,
  status: leaveRequests.status,
  late: leaveRequests.late,
  createdAt: leaveRequests.createdAt,
  decidedAt: leaveRequests.decidedAt,
  deciderName: decider.name,
  /** Who filed it, when not the member themself (a secretary, for a member without a phone). */
  filedByName: sql<
    string | null
  >`case when ${leaveRequests.filedBy} <> ${leaveRequests.memberId} then ${filer.name} end`,
  comment: leaveRequests.comment,
  attachmentId: leaveRequests.attachmentId,
  bySecretary,
  taskId: makeupTasks.id,
  dueAt: makeupTasks.dueAt,
  submittedAt: makeupTasks.submittedAt,
  confirmedAt: makeupTasks.confirmedAt,
};

function selectRows(db: Db, where: SQL | undefined, ...order: SQL[]) {
  return db
    .select(columns)
    .from(leaveRequests)
    .innerJoin(activities, eq(activities.id, leaveRequests.activityId))
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .innerJoin(users, eq(users.id, leaveRequests.memberId))
    .leftJoin(decider, eq(decider.id, leaveRequests.decidedBy))
    .leftJoin(filer, eq(filer.id, leaveRequests.filedBy))
    .leftJoin(makeupTasks, eq(makeupTasks.leaveId, leaveRequests.id))
    .where(where)
    .orderBy(...order)
    .limit(LIMIT);
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];

/** Each row with what the caller may do with it and where its make-up stands. */
function present(scope: Scope, rows: Row[], now: Date) {
  return rows.map((r) => ({
    ...r,
    decidable: r.activityStatus === "scheduled" && r.status !== "withdrawn" && canDecideLeave(scope, r),
    makeup:
      r.taskId && r.dueAt
        ? makeupState({ dueAt: r.dueAt, submittedAt: r.submittedAt, confirmedAt: r.confirmedAt }, now)
        : null,
  }));
}
export type LeaveRow = ReturnType<typeof present>[number];

/** Still waiting for a decision that can be made: a pending request on an activity not yet closed. */
const pendingOpen = sql`(${leaveRequests.status} = 'pending' and ${activities.status} = 'scheduled')`;

/** The caller's own requests, newest first. */
export async function myLeave(db: Db, scope: Scope, now = new Date()) {
  return present(
    scope,
    await selectRows(db, eq(leaveRequests.memberId, scope.userId), desc(leaveRequests.createdAt)),
    now,
  );
}

/** What the request form needs: the activity, whether it is a request or a late reason, and any live request. */
export async function leaveFormFor(db: Db, scope: Scope, activityId: number, now = new Date()) {
  const activity = await loadActivity(db, scope, activityId, canRequestLeave);
  const window = leaveWindow(activity, now);
  const [mine] = await db
    .select()
    .from(attendance)
    .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, scope.userId)));
  const [live] = await db
    .select({ id: leaveRequests.id })
    .from(leaveRequests)
    .where(
      and(
        eq(leaveRequests.activityId, activity.id),
        eq(leaveRequests.memberId, scope.userId),
        inArray(leaveRequests.status, ["pending", "approved"]),
      ),
    );
  return {
    activity,
    window,
    expected: Boolean(mine?.expected),
    here: mine?.outcome === "present" || mine?.outcome === "late",
    liveId: live?.id ?? null,
  };
}

/** One request for its member or the branch's readers, with what this caller may do. */
export async function leaveDetail(db: Db, scope: Scope, leaveId: number, now = new Date()) {
  const { activity, subject } = await loadLeave(db, scope, leaveId, canReadLeave);
  const [row] = present(scope, await selectRows(db, eq(leaveRequests.id, leaveId)), now);
  const [task] = await db.select().from(makeupTasks).where(eq(makeupTasks.leaveId, leaveId));
  const own = subject.memberId === scope.userId;
  return {
    row,
    activity,
    task: task ?? null,
    own,
    canWithdraw: own && row.status === "pending",
    canConfirm: Boolean(task?.submittedAt && !task.confirmedAt) && canDecideLeave(scope, subject),
  };
}

/**
 * The secretary's lists for one branch: pending (on activities not yet closed, oldest first), decided
 * (everything else, newest first) or make-up (overdue first); optionally for one activity or one member.
 */
export async function branchLeave(db: Db, scope: Scope, query: BranchLeaveQuery, now = new Date()) {
  const branch = await loadBranch(db, scope, query.branchId);
  const narrow = and(
    eq(activities.branchId, branch.id),
    query.activityId ? eq(leaveRequests.activityId, query.activityId) : undefined,
    query.memberId ? eq(leaveRequests.memberId, query.memberId) : undefined,
  );
  const where = {
    pending: and(narrow, pendingOpen),
    decided: and(narrow, sql`not ${pendingOpen}`),
    makeup: and(narrow, isNotNull(makeupTasks.id)),
  }[query.view];
  const order =
    query.view === "pending"
      ? [asc(leaveRequests.createdAt)]
      : query.view === "makeup"
        ? [asc(makeupTasks.dueAt)]
        : [desc(leaveRequests.createdAt)];
  let rows = present(scope, await selectRows(db, where, ...order), now);
  if (query.view === "makeup") rows = rows.sort((a, b) => makeupRank[a.makeup!] - makeupRank[b.makeup!]);

  const [activity] = query.activityId
    ? await db
        .select({ id: activities.id, title: activities.title })
        .from(activities)
        .where(and(eq(activities.id, query.activityId), eq(activities.branchId, branch.id)))
    : [];
  // The name comes from the branch's own requests, so an id from elsewhere reveals nobody.
  const [member] = query.memberId
    ? await db
        .select({ id: users.id, name: users.name })
        .from(leaveRequests)
        .innerJoin(activities, eq(activities.id, leaveRequests.activityId))
        .innerJoin(users, eq(users.id, leaveRequests.memberId))
        .where(and(eq(leaveRequests.memberId, query.memberId), eq(activities.branchId, branch.id)))
        .limit(1)
    : [];
  return {
    branch,
    rows,
    pending: await pendingLeaveCount(db, scope, branch.id),
    filter: { activity: activity ?? null, member: query.memberId ? (member ?? null) : null },
  };
}

const makeupRank = { overdue: 0, submitted: 1, todo: 2, confirmed: 3 } as const;

/** Pending requests in the branch that this caller can decide: the number on the secretary's badge. */
export async function pendingLeaveCount(db: Db, scope: Scope, branchId: number): Promise<number> {
  const rows = await db
    .select({ memberId: leaveRequests.memberId, branchPath: orgNodes.path, bySecretary })
    .from(leaveRequests)
    .innerJoin(activities, eq(activities.id, leaveRequests.activityId))
    .innerJoin(orgNodes, eq(orgNodes.id, activities.branchId))
    .where(and(eq(activities.branchId, branchId), pendingOpen));
  return rows.filter((r: LeaveSubject) => canDecideLeave(scope, r)).length;
}

/** For committee admins: the leave of the secretaries of their branches, which only they decide. */
export async function committeeLeave(db: Db, scope: Scope, now = new Date()) {
  const reach = pathUnder(orgNodes.path, reachedPaths(scope, ["committee_admin"]));
  const rows = present(scope, await selectRows(db, and(bySecretary, reach), desc(leaveRequests.createdAt)), now);
  return {
    pending: rows.filter((r) => r.decidable && r.status === "pending"),
    others: rows.filter((r) => !(r.decidable && r.status === "pending")),
  };
}

/** One activity's leave list for the .xlsx export, for whoever reads its roster. */
export async function activityLeaveSheet(db: Db, scope: Scope, activityId: number, now = new Date()) {
  const activity = await loadActivity(db, scope, activityId, canReadRoster);
  const rows = present(
    scope,
    await selectRows(db, eq(leaveRequests.activityId, activity.id), asc(leaveRequests.createdAt)),
    now,
  );
  return { activity, rows };
}

/** A request's attachment, for whoever may read the request. */
export async function leaveAttachment(db: Db, scope: Scope, leaveId: number) {
  const { leave } = await loadLeave(db, scope, leaveId, canReadLeave);
  if (!leave.attachmentId) throw new AppError("not_found");
  const [file] = await db
    .select({ mime: uploads.mime, bytes: uploads.bytes })
    .from(uploads)
    .where(eq(uploads.id, leave.attachmentId));
  if (!file) throw new AppError("not_found");
  return file;
}
