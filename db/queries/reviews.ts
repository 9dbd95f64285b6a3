import { and, asc, count, eq, isNotNull, ne, sql } from "drizzle-orm";
import { type ReviewGrade, reviewGrades } from "@/lib/enums";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageActivity, canReadRoster } from "@/lib/permissions";
import { MIN_BALLOTS, maxExcellent, reasonNeeded, type Tally } from "@/lib/review";
import type { Scope } from "@/lib/scope";
import { countyGrant } from "@/lib/scope-paths";
import type { Db } from "../open";
import { activities } from "../schema/activities";
import { orgNodes } from "../schema/org";
import { type ReviewRound, reviewRounds, reviewSubjects, reviewTallies, reviewVoters } from "../schema/reviews";
import { countySettings } from "../schema/settings";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { changeCountySettings, countyOf } from "./county-settings";

/**
 * 民主评议党员 (docs/architecture.md#member-review): a round per branch and year, held at its `member_review`
 * activity. Members write a self-assessment and cast one secret ballot on the others; the committee proposes
 * a grade and the secretary decides. Ballots are only counted (review_tallies): nothing stored ties a grade
 * to its voter, so no query here, or anywhere, can return who voted what.
 */

const emptyTally = (): Tally => ({ excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 });

/** Opens the round of a new `member_review` activity: every active member of the branch, counters at zero. */
export async function openRound(
  tx: Db,
  activity: { id: number; branchId: number; year: number; branchPath: string; createdBy: number },
) {
  const [taken] = await tx
    .select({ id: reviewRounds.id })
    .from(reviewRounds)
    .where(and(eq(reviewRounds.branchId, activity.branchId), eq(reviewRounds.year, activity.year)));
  if (taken) throw new AppError("conflict", t.review.yearTaken);
  const [setting] = await tx
    .select({ n: countySettings.reviewExcellentNumerator, d: countySettings.reviewExcellentDenominator })
    .from(countySettings)
    .where(eq(countySettings.countyId, countyOf(activity.branchPath)));
  const [round] = await tx
    .insert(reviewRounds)
    .values({
      activityId: activity.id,
      branchId: activity.branchId,
      year: activity.year,
      excellentNumerator: setting?.n ?? 1,
      excellentDenominator: setting?.d ?? 3,
      createdBy: activity.createdBy,
    })
    .onConflictDoNothing()
    .returning();
  if (!round) throw new AppError("conflict", t.review.yearTaken);
  const roster = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.branchId, activity.branchId), eq(members.active, true)))
    .orderBy(asc(members.userId));
  if (roster.length) {
    const subjects = await tx
      .insert(reviewSubjects)
      .values(roster.map((m) => ({ roundId: round.id, memberId: m.userId })))
      .returning({ id: reviewSubjects.id });
    await tx
      .insert(reviewTallies)
      .values(subjects.flatMap((s) => reviewGrades.map((grade) => ({ roundId: round.id, subjectId: s.id, grade }))));
  }
  return round;
}

type RoundWithBranch = ReviewRound & { branchPath: string; branchName: string; activityTitle: string };

/** The round held at an activity, with its branch; 404 for none, 403 when the rule says no. */
async function loadRound(
  db: Db,
  scope: Scope,
  where: { activityId: number } | { roundId: number },
  allowed: (scope: Scope, branchPath: string) => boolean,
  lock?: "update" | "share",
): Promise<RoundWithBranch> {
  const query = db
    .select({ round: reviewRounds, branchPath: orgNodes.path, branchName: orgNodes.name, title: activities.title })
    .from(reviewRounds)
    .innerJoin(orgNodes, eq(orgNodes.id, reviewRounds.branchId))
    .innerJoin(activities, eq(activities.id, reviewRounds.activityId))
    .where("activityId" in where ? eq(reviewRounds.activityId, where.activityId) : eq(reviewRounds.id, where.roundId));
  const [row] = lock ? await query.for(lock, { of: reviewRounds }) : await query;
  if (!row) throw new AppError("not_found");
  if (!allowed(scope, row.branchPath)) throw new AppError("forbidden");
  return { ...row.round, branchPath: row.branchPath, branchName: row.branchName, activityTitle: row.title };
}

/** A member of the round's branch who is on its list. */
const ownRound = (scope: Scope, branchPath: string) => scope.member?.branchPath === branchPath;

async function tallies(db: Db, roundId: number) {
  const rows = await db
    .select({ subjectId: reviewTallies.subjectId, grade: reviewTallies.grade, votes: reviewTallies.votes })
    .from(reviewTallies)
    .where(eq(reviewTallies.roundId, roundId));
  const bySubject = new Map<number, Tally>();
  for (const r of rows) {
    const tally = bySubject.get(r.subjectId) ?? emptyTally();
    tally[r.grade] = r.votes;
    bySubject.set(r.subjectId, tally);
  }
  return bySubject;
}

/**
 * The member's side of the round at an activity: their own self-assessment, whether they have voted, the
 * others to grade, and their result once decided. Null when the activity holds no round.
 */
export async function roundForMember(db: Db, scope: Scope, activityId: number) {
  const [exists] = await db
    .select({ id: reviewRounds.id })
    .from(reviewRounds)
    .where(eq(reviewRounds.activityId, activityId));
  if (!exists) return null;
  const round = await loadRound(db, scope, { activityId }, ownRound);
  const subjects = await db
    .select({ id: reviewSubjects.id, memberId: reviewSubjects.memberId, name: users.name })
    .from(reviewSubjects)
    .innerJoin(users, eq(users.id, reviewSubjects.memberId))
    .where(eq(reviewSubjects.roundId, round.id))
    .orderBy(asc(sql`${users.name} collate "C"`), asc(reviewSubjects.id));
  const [mine] = await db
    .select({
      selfAssessment: reviewSubjects.selfAssessment,
      grade: reviewSubjects.grade,
      gradeReason: reviewSubjects.gradeReason,
    })
    .from(reviewSubjects)
    .where(and(eq(reviewSubjects.roundId, round.id), eq(reviewSubjects.memberId, scope.userId)));
  const [voted] = await db
    .select({ memberId: reviewVoters.memberId })
    .from(reviewVoters)
    .where(and(eq(reviewVoters.roundId, round.id), eq(reviewVoters.memberId, scope.userId)));
  return {
    round: { id: round.id, year: round.year, status: round.status, activityId: round.activityId },
    onList: Boolean(mine),
    voterName: subjects.find((s) => s.memberId === scope.userId)?.name ?? null,
    selfAssessment: mine?.selfAssessment ?? null,
    result: mine?.grade ? { grade: mine.grade, reason: mine.gradeReason } : null,
    hasVoted: Boolean(voted),
    others: subjects.filter((s) => s.memberId !== scope.userId).map(({ id, name }) => ({ id, name })),
  };
}

/** A member writes (or rewrites) their self-assessment while the round takes ballots. */
export async function saveSelfAssessment(
  db: Db,
  scope: Scope,
  input: { roundId: number; text: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, scope, { roundId: input.roundId }, ownRound, "share");
    if (round.status !== "voting") throw new AppError("conflict", t.review.notOpen);
    const [row] = await tx
      .update(reviewSubjects)
      .set({ selfAssessment: input.text, selfAssessedAt: now })
      .where(and(eq(reviewSubjects.roundId, round.id), eq(reviewSubjects.memberId, scope.userId)))
      .returning({ id: reviewSubjects.id });
    if (!row) throw new AppError("forbidden", t.review.notInRound);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "review.self_assess",
      targetType: "review_subject",
      targetId: row.id,
      nodePath: round.branchPath,
      detail: { roundId: round.id, length: input.text.length },
    });
    return { id: row.id };
  });
}

/**
 * One member's ballot: a grade for every other member on the list, once. The voter is recorded as having
 * voted and each chosen counter is raised, in one transaction; the voter's row is written first, so of two
 * concurrent submits the second waits on its key and then finds it taken. The audit entry says that the
 * member voted, never how.
 */
export async function castBallot(
  db: Db,
  scope: Scope,
  input: { roundId: number; grades: { subjectId: number; grade: ReviewGrade }[] },
) {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, scope, { roundId: input.roundId }, ownRound, "share");
    if (round.status !== "voting") throw new AppError("conflict", t.review.notOpen);
    const subjects = await tx
      .select({ id: reviewSubjects.id, memberId: reviewSubjects.memberId })
      .from(reviewSubjects)
      .where(eq(reviewSubjects.roundId, round.id));
    if (!subjects.some((s) => s.memberId === scope.userId)) throw new AppError("forbidden", t.review.notInRound);
    const others = subjects.filter((s) => s.memberId !== scope.userId).map((s) => s.id);
    const given = new Map(input.grades.map((g) => [g.subjectId, g.grade]));
    if (given.size !== input.grades.length || given.size !== others.length || others.some((id) => !given.has(id)))
      throw new AppError("bad_request", t.review.ballotIncomplete);
    const [voter] = await tx
      .insert(reviewVoters)
      .values({ roundId: round.id, memberId: scope.userId })
      .onConflictDoNothing()
      .returning({ roundId: reviewVoters.roundId });
    if (!voter) throw new AppError("conflict", t.review.alreadyVoted);
    // Every counter of the round is written by every ballot (+1 where chosen, +0 elsewhere), in the order of
    // its key: which rows a ballot touched, and so where their new versions lie, does not depend on its grades.
    const ballot = JSON.stringify(input.grades.map((g) => ({ s: g.subjectId, g: g.grade })));
    await tx.execute(sql`
      update ${reviewTallies} set votes = ${reviewTallies.votes} + case when exists (
        select 1 from jsonb_to_recordset(${ballot}::jsonb) as b(s int, g text)
        where b.s = ${reviewTallies.subjectId} and b.g = ${reviewTallies.grade}::text) then 1 else 0 end
      where ${reviewTallies.roundId} = ${round.id}`);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "review.vote",
      targetType: "review_round",
      targetId: round.id,
      nodePath: round.branchPath,
    });
    return { voted: true };
  });
}

/**
 * What the secretary and the admins above see: the list, who has written a self-assessment and who has
 * voted (never what), and the counters only once the round is counted. The 优秀 limit is for the list.
 */
export async function roundForSecretary(db: Db, scope: Scope, activityId: number) {
  const round = await loadRound(db, scope, { activityId }, canReadRoster);
  const rows = await db
    .select({
      id: reviewSubjects.id,
      memberId: reviewSubjects.memberId,
      name: users.name,
      selfAssessment: reviewSubjects.selfAssessment,
      proposedGrade: reviewSubjects.proposedGrade,
      proposedReason: reviewSubjects.proposedReason,
      grade: reviewSubjects.grade,
      gradeReason: reviewSubjects.gradeReason,
      voted: sql<boolean>`exists (select 1 from ${reviewVoters} v where v.round_id = ${reviewSubjects.roundId}
        and v.member_id = ${reviewSubjects.memberId})`,
    })
    .from(reviewSubjects)
    .innerJoin(users, eq(users.id, reviewSubjects.memberId))
    .where(eq(reviewSubjects.roundId, round.id))
    .orderBy(asc(sql`${users.name} collate "C"`), asc(reviewSubjects.id));
  const counted = round.status === "counted";
  const tally = counted ? await tallies(db, round.id) : null;
  return {
    round,
    maxExcellent: maxExcellent(rows.length, {
      numerator: round.excellentNumerator,
      denominator: round.excellentDenominator,
    }),
    voted: rows.filter((r) => r.voted).length,
    selfAssessed: rows.filter((r) => r.selfAssessment !== null).length,
    subjects: rows.map((r) => ({ ...r, tally: tally?.get(r.id) ?? null })),
    canManage: canManageActivity(scope, round.branchPath),
  };
}

/** Ends the ballot and shows the counters; refused with fewer than MIN_BALLOTS ballots, which would tell. */
export async function countRound(db: Db, scope: Scope, input: { roundId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, scope, { roundId: input.roundId }, canManageActivity, "update");
    if (round.status !== "voting") throw new AppError("conflict", t.review.notOpen);
    const [{ n }] = await tx.select({ n: count() }).from(reviewVoters).where(eq(reviewVoters.roundId, round.id));
    if (n < MIN_BALLOTS) throw new AppError("bad_request", t.review.tooFewBallots(MIN_BALLOTS));
    await tx
      .update(reviewRounds)
      .set({ status: "counted", countedAt: now, countedBy: scope.userId })
      .where(and(eq(reviewRounds.id, round.id), eq(reviewRounds.status, "voting")));
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "review.count",
      targetType: "review_round",
      targetId: round.id,
      nodePath: round.branchPath,
      detail: { ballots: n },
    });
    return { ballots: n };
  });
}

interface GradeInput {
  subjectId: number;
  grade: ReviewGrade;
  reason?: string;
}

/** Loads a subject of a counted round for a committee write, with the round locked: 优秀 counts stay true. */
async function subjectForWrite(tx: Db, scope: Scope, subjectId: number) {
  const [row] = await tx
    .select({ roundId: reviewSubjects.roundId })
    .from(reviewSubjects)
    .where(eq(reviewSubjects.id, subjectId));
  if (!row) throw new AppError("not_found");
  const round = await loadRound(tx, scope, { roundId: row.roundId }, canManageActivity, "update");
  if (round.status !== "counted") throw new AppError("conflict", t.review.notCounted);
  const [subject] = await tx.select().from(reviewSubjects).where(eq(reviewSubjects.id, subjectId));
  return { round, subject };
}

async function excellentTaken(tx: Db, round: ReviewRound, column: "grade" | "proposedGrade", except: number) {
  const [{ taken }] = await tx
    .select({ taken: count() })
    .from(reviewSubjects)
    .where(
      and(eq(reviewSubjects.roundId, round.id), eq(reviewSubjects[column], "excellent"), ne(reviewSubjects.id, except)),
    );
  const [{ of }] = await tx.select({ of: count() }).from(reviewSubjects).where(eq(reviewSubjects.roundId, round.id));
  return {
    taken,
    max: maxExcellent(of, { numerator: round.excellentNumerator, denominator: round.excellentDenominator }),
  };
}

/** The branch committee's proposed grade; may change until the secretary decides. 不合格 needs a reason. */
export async function proposeGrade(db: Db, scope: Scope, input: GradeInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const { round, subject } = await subjectForWrite(tx, scope, input.subjectId);
    if (subject.grade) throw new AppError("conflict", t.review.alreadyDecided);
    if (input.grade === "unqualified" && !input.reason)
      throw new AppError("bad_request", t.review.reasonUnqualified, { reason: t.review.reasonUnqualified });
    if (input.grade === "excellent") {
      const { taken, max } = await excellentTaken(tx, round, "proposedGrade", subject.id);
      if (taken + 1 > max)
        throw new AppError("bad_request", t.review.tooManyExcellent(max), { grade: t.review.tooManyExcellent(max) });
    }
    await tx
      .update(reviewSubjects)
      .set({
        proposedGrade: input.grade,
        proposedReason: input.reason || null,
        proposedBy: scope.userId,
        proposedAt: now,
      })
      .where(eq(reviewSubjects.id, subject.id));
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "review.propose",
      targetType: "review_subject",
      targetId: subject.id,
      nodePath: round.branchPath,
      detail: { memberId: subject.memberId, grade: input.grade },
    });
    return { id: subject.id };
  });
}

/**
 * The secretary's decision, once per member: after the committee proposed, never on oneself, 优秀 within
 * the share, and with a reason for 不合格 or for a grade the members' vote did not put first. Two deciders
 * at once: the round's lock orders them and the second finds the grade set (409).
 */
export async function decideGrade(db: Db, scope: Scope, input: GradeInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const { round, subject } = await subjectForWrite(tx, scope, input.subjectId);
    if (subject.memberId === scope.userId) throw new AppError("forbidden", t.review.notOwn);
    if (subject.grade) throw new AppError("conflict", t.review.alreadyDecided);
    if (!subject.proposedGrade) throw new AppError("conflict", t.review.proposeFirst);
    const tally = (await tallies(tx, round.id)).get(subject.id) ?? emptyTally();
    const why = reasonNeeded(input.grade, tally);
    if (why && !input.reason) {
      const message = why === "unqualified" ? t.review.reasonUnqualified : t.review.reasonDiffers;
      throw new AppError("bad_request", message, { reason: message });
    }
    if (input.grade === "excellent") {
      const { taken, max } = await excellentTaken(tx, round, "grade", subject.id);
      if (taken + 1 > max)
        throw new AppError("bad_request", t.review.tooManyExcellent(max), { grade: t.review.tooManyExcellent(max) });
    }
    const [decided] = await tx
      .update(reviewSubjects)
      .set({ grade: input.grade, gradeReason: input.reason || null, decidedBy: scope.userId, decidedAt: now })
      .where(and(eq(reviewSubjects.id, subject.id), sql`${reviewSubjects.grade} is null`))
      .returning({ id: reviewSubjects.id });
    if (!decided) throw new AppError("conflict", t.review.alreadyDecided);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "review.decide",
      targetType: "review_subject",
      targetId: subject.id,
      nodePath: round.branchPath,
      detail: {
        memberId: subject.memberId,
        grade: input.grade,
        proposed: subject.proposedGrade,
        reason: Boolean(input.reason),
      },
    });
    return { id: subject.id, grade: input.grade };
  });
}

/** One member on the decision screen: their self-assessment, the counters, the proposal and the decision. */
export async function subjectForSecretary(db: Db, scope: Scope, subjectId: number) {
  const [row] = await db
    .select({ subject: reviewSubjects, name: users.name, activityId: reviewRounds.activityId })
    .from(reviewSubjects)
    .innerJoin(users, eq(users.id, reviewSubjects.memberId))
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewSubjects.roundId))
    .where(eq(reviewSubjects.id, subjectId));
  if (!row) throw new AppError("not_found");
  const round = await loadRound(db, scope, { roundId: row.subject.roundId }, canReadRoster);
  const counted = round.status === "counted";
  const { taken, max } = await excellentTaken(db, round, "grade", row.subject.id);
  return {
    round,
    subject: { ...row.subject, name: row.name },
    tally: counted ? ((await tallies(db, round.id)).get(row.subject.id) ?? emptyTally()) : null,
    excellent: { taken, max },
    canDecide: canManageActivity(scope, round.branchPath) && row.subject.memberId !== scope.userId,
  };
}

/**
 * A member's 民主评议 result of a year, for their yearly report: the member themself, or whoever reads the
 * roster of the branch that held the round. Null when there was no round or no decision yet.
 */
export async function reviewResultFor(db: Db, scope: Scope, memberId: number, year: number) {
  const [row] = await db
    .select({
      grade: reviewSubjects.grade,
      reason: reviewSubjects.gradeReason,
      decidedAt: reviewSubjects.decidedAt,
      branchName: orgNodes.name,
      branchPath: orgNodes.path,
    })
    .from(reviewSubjects)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewSubjects.roundId))
    .innerJoin(orgNodes, eq(orgNodes.id, reviewRounds.branchId))
    .where(and(eq(reviewSubjects.memberId, memberId), eq(reviewRounds.year, year), isNotNull(reviewSubjects.grade)));
  if (scope.userId !== memberId) {
    const [member] = await db
      .select({ branchPath: orgNodes.path })
      .from(members)
      .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
      .where(eq(members.userId, memberId));
    const reads = (path?: string) => path !== undefined && canReadRoster(scope, path);
    if (!reads(row?.branchPath) && !reads(member?.branchPath)) throw new AppError("forbidden");
  }
  if (!row) return null;
  return { grade: row.grade!, reason: row.reason, decidedAt: row.decidedAt!, branchName: row.branchName, year };
}

/** The county's 优秀 share for the rounds it will open, as a fraction (1/3 until an admin sets it). */
export async function reviewShare(db: Db, scope: Scope) {
  const county = countyGrant(scope);
  const [row] = await db
    .select({
      numerator: countySettings.reviewExcellentNumerator,
      denominator: countySettings.reviewExcellentDenominator,
    })
    .from(countySettings)
    .where(eq(countySettings.countyId, county.nodeId));
  return row ?? { numerator: 1, denominator: 3 };
}

/** The county admin sets the 优秀 share; rounds already open keep theirs. Audited. */
export async function setReviewShare(
  db: Db,
  scope: Scope,
  input: { numerator: number; denominator: number },
  now = new Date(),
) {
  const change = { reviewExcellentNumerator: input.numerator, reviewExcellentDenominator: input.denominator };
  await changeCountySettings(db, scope, change, { action: "settings.review_share", detail: input }, now);
  return input;
}
