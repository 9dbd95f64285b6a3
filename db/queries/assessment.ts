import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type Inputs, parts, proposedTier, scoreOf, unmeasured } from "@/lib/assessment";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { isCountyAdmin } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { reviewerPaths } from "@/lib/scope-paths";
import { monthRange } from "@/lib/time";
import type { Db } from "../open";
import { within } from "../period";
import { activities, attendance } from "../schema/activities";
import { type AssessmentTier, assessments } from "../schema/assessments";
import { volunteerHours } from "../schema/community";
import { orgNodes } from "../schema/org";
import { pointEntries } from "../schema/points";
import { members } from "../schema/users";
import { writeAudit } from "./audit";
import { makeupByBranch } from "./makeup";
import { branchAt, dayStart, inBranchAt } from "./membership-periods";
import { pathUnder } from "./scope-sql";

/**
 * The yearly assessment: for each branch the year's inputs from the attendance records, the
 * activities, the make-up tasks, the points ledger and the volunteer hours, the score from lib/assessment.ts
 * and its proposal; a committee's inputs are the sum of its branches'. The county admin sets the tier.
 */

const windowOf = (year: number) => ({ from: monthRange(`${year}-01`).from, to: monthRange(`${year + 1}-01`).from });

export async function yearlyAssessment(db: Db, scope: Scope, year: number, now = new Date()) {
  const prefixes = reviewerPaths(scope);
  const { from, to } = windowOf(year);
  const inYear = (column: PgColumn) => within(column, from, to);
  const byBranch = <T extends { branchId: number }>(rows: T[]) => new Map(rows.map((r) => [Number(r.branchId), r]));
  // A branch's members are those in it at the year's last instant (or now, in the current year); hours count
  // for the branch the member was in on the day served (docs/architecture.md#membership-history).
  const countedAt = new Date(Math.min(to.getTime() - 1, now.getTime()));
  const servedIn = branchAt(volunteerHours.memberId, dayStart(volunteerHours.servedOn));

  const branches = await db
    .select({ id: orgNodes.id, name: orgNodes.name, parentId: orgNodes.parentId })
    .from(orgNodes)
    .where(and(eq(orgNodes.kind, "branch"), pathUnder(orgNodes.path, prefixes)))
    .orderBy(orgNodes.path);
  const [seen, days, makeup, points, people, service] = await Promise.all([
    db
      .select({
        branchId: activities.branchId,
        expected: sql<number>`count(*) filter (where ${attendance.expected})::int`,
        came: sql<number>`count(*) filter (where ${attendance.outcome} in ('present', 'late'))::int`,
      })
      .from(attendance)
      .innerJoin(activities, eq(activities.id, attendance.activityId))
      .where(and(eq(activities.status, "closed"), inYear(activities.startsAt)))
      .groupBy(activities.branchId),
    db
      .select({
        branchId: activities.branchId,
        total: sql<number>`count(*)::int`,
        closed: sql<number>`count(*) filter (where ${activities.status} = 'closed')::int`,
      })
      .from(activities)
      .where(and(eq(activities.type, "theme_day"), inYear(activities.startsAt), lt(activities.startsAt, now)))
      .groupBy(activities.branchId),
    makeupByBranch(db, from, to),
    db
      .select({ branchId: pointEntries.branchId, total: sql<number>`sum(${pointEntries.points})::float8` })
      .from(pointEntries)
      .where(inYear(pointEntries.occurredAt))
      .groupBy(pointEntries.branchId),
    db
      .select({
        branchId: orgNodes.id,
        members: sql<number>`count(${members.userId})::int`,
        inOffice: sql<number>`count(${members.userId}) filter (where ${members.employment} = 'in_office')::int`,
      })
      .from(orgNodes)
      .innerJoin(members, inBranchAt(members.userId, orgNodes.id, countedAt))
      .where(eq(orgNodes.kind, "branch"))
      .groupBy(orgNodes.id),
    db
      .select({ branchId: servedIn, halfHours: sql<number>`sum(${volunteerHours.halfHours})::int` })
      .from(volunteerHours)
      .where(
        and(
          eq(volunteerHours.status, "confirmed"),
          sql`${volunteerHours.servedOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
        ),
      )
      .groupBy(servedIn),
  ]);
  const [s, d, mk, p, pe, sv] = [
    byBranch(seen),
    byBranch(days),
    byBranch(makeup),
    byBranch(points),
    byBranch(people),
    byBranch(service),
  ];
  const inputsOf = (id: number): Inputs => ({
    expected: s.get(id)?.expected ?? 0,
    came: s.get(id)?.came ?? 0,
    themeDays: d.get(id)?.total ?? 0,
    themeDaysClosed: d.get(id)?.closed ?? 0,
    makeupOwed: mk.get(id)?.owed ?? 0,
    makeupDone: mk.get(id)?.done ?? 0,
    members: pe.get(id)?.members ?? 0,
    points: Number(p.get(id)?.total ?? 0),
    inOffice: pe.get(id)?.inOffice ?? 0,
    hours: (sv.get(id)?.halfHours ?? 0) / 2,
  });

  const committeeIds = [...new Set(branches.map((b) => b.parentId!))];
  const committees = committeeIds.length
    ? await db
        .select({ id: orgNodes.id, name: orgNodes.name })
        .from(orgNodes)
        .where(inArray(orgNodes.id, committeeIds))
        .orderBy(orgNodes.path)
    : [];
  const decided = new Map(
    (await db.select().from(assessments).where(eq(assessments.year, year))).map((a) => [a.nodeId, a]),
  );
  const row = (id: number, name: string, inputs: Inputs) => {
    const score = scoreOf(inputs);
    return {
      id,
      name,
      inputs,
      parts: parts(inputs),
      unmeasured: unmeasured(inputs),
      score,
      proposal: proposedTier(score),
      decided: decided.get(id) ?? null,
    };
  };
  // A committee's inputs are its branches' added up; -1 is no branch, so all zeros to start from.
  const sum = (list: Inputs[]): Inputs =>
    list.reduce(
      (a, b) =>
        Object.fromEntries(
          Object.keys(a).map((k) => [k, a[k as keyof Inputs] + b[k as keyof Inputs]]),
        ) as unknown as Inputs,
      inputsOf(-1),
    );
  return {
    year,
    branches: branches.map((b) => row(b.id, b.name, inputsOf(b.id))),
    committees: committees.map((c) =>
      row(c.id, c.name, sum(branches.filter((b) => b.parentId === c.id).map((b) => inputsOf(b.id)))),
    ),
  };
}

/** The county admin sets (or changes) a branch's or committee's tier for a year, keeping the score it saw. */
export async function setTier(
  db: Db,
  scope: Scope,
  input: { year: number; nodeId: number; tier: AssessmentTier; note?: string },
  now = new Date(),
) {
  if (!isCountyAdmin(scope)) throw new AppError("forbidden");
  const { branches, committees } = await yearlyAssessment(db, scope, input.year, now);
  const target = [...branches, ...committees].find((r) => r.id === input.nodeId);
  if (!target) throw new AppError("bad_request", t.assessment.notAssessable);
  return db.transaction(async (tx) => {
    const values = { score: target.score, tier: input.tier, note: input.note ?? null, setBy: scope.userId, setAt: now };
    const [row] = await tx
      .insert(assessments)
      .values({ year: input.year, nodeId: input.nodeId, ...values })
      .onConflictDoUpdate({ target: [assessments.year, assessments.nodeId], set: values })
      .returning();
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "assessment.set",
      targetType: "org_node",
      targetId: input.nodeId,
      detail: {
        year: input.year,
        score: target.score,
        proposal: target.proposal,
        tier: input.tier,
        note: input.note,
        before: target.decided?.tier,
      },
    });
    return { id: row.id, tier: row.tier };
  });
}
