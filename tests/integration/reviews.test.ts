import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeeting } from "@/db/queries/activity-run";
import { grantRole } from "@/db/queries/org";
import {
  castBallot,
  countRound,
  decideGrade,
  proposeGrade,
  reviewResultFor,
  reviewShare,
  roundForMember,
  roundForSecretary,
  saveSelfAssessment,
  setReviewShare,
  subjectForSecretary,
} from "@/db/queries/reviews";
import { loadSessionUser } from "@/db/queries/session";
import { yearReport } from "@/db/queries/year-report";
import { activities, activitySteps } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { reviewSubjects, reviewTallies, reviewVoters } from "@/db/schema/reviews";
import { countySettings } from "@/db/schema/settings";
import { members } from "@/db/schema/users";
import type { ReviewGrade } from "@/lib/enums";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { reviewShareInput } from "@/lib/validation/review";
import { demoCounty, phones } from "./county";

/**
 * 民主评议党员 end to end in the data layer (docs/architecture.md#member-review): the round opens with its
 * activity, each member votes once (also when two submits race), 优秀 stays within the county's share,
 * 不合格 and a grade against the vote need a reason, nothing stored ties a ballot to its voter, and another
 * branch's secretary sees nothing.
 */

type County = Awaited<ReturnType<typeof demoCounty>>;
const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);
const startsAt = minute(Date.now() + 10 * 86_400_000);
const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(startsAt));

async function rows<T>(county: County, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await county.db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function scopeOfUser(county: County, userId: number): Promise<Scope> {
  return (await loadSessionUser(county.db, userId))!.scope;
}

/** A 民主评议 activity of the home branch, its round and a scope for every member on its list. */
async function reviewRound(county: County) {
  const { activityId } = await createMeeting(county.db, county.secretary, {
    branchId: county.homeBranchId,
    type: "member_review",
    title: "年度民主评议党员",
    startsAt,
    durationMinutes: 120,
    links: [],
  });
  const view = await roundForSecretary(county.db, county.secretary, activityId);
  const people = new Map<number, Scope>();
  for (const s of view.subjects) people.set(s.memberId, await scopeOfUser(county, s.memberId));
  return { activityId, roundId: view.round.id, subjects: view.subjects, people };
}
type Round = Awaited<ReturnType<typeof reviewRound>>;

/** A complete ballot of `voter`: `choose` picks the grade per subject, 合格 unless it says otherwise. */
function ballot(round: Round, voter: number, choose: (memberId: number) => ReviewGrade | undefined = () => undefined) {
  return {
    roundId: round.roundId,
    grades: round.subjects
      .filter((s) => s.memberId !== voter)
      .map((s) => ({ subjectId: s.id, grade: choose(s.memberId) ?? ("qualified" as const) })),
  };
}

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error) => error as { code: string; message: string },
  );

describe("民主评议党员", () => {
  let county: County;
  let round: Round;
  let foreignSecretary: Scope;
  let deputy: Scope;

  beforeAll(async () => {
    county = await demoCounty();
    round = await reviewRound(county);
    foreignSecretary = await county.scopeOf("13800000013");
    // A second secretary of the home branch, from among its members: a member who is also on the committee.
    const admin = await county.scopeOf(phones.countyAdmin);
    const deputyId = round.subjects.find(
      (s) => s.memberId !== county.secretary.userId && s.memberId !== county.ownMemberId,
    )!.memberId;
    const [{ phone }] = await rows<{ phone: string }>(county, sql`select phone from users where id = ${deputyId}`);
    await grantRole(county.db, admin, { nodeId: county.homeBranchId, role: "secretary", phone });
    deputy = await scopeOfUser(county, deputyId);
    round.people.set(deputyId, deputy);
  }, 180_000);
  afterAll(() => county?.close());

  it("opens with the activity: every active member on the list, the three parts on the agenda, once a year", async () => {
    const active = await county.db
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.branchId, county.homeBranchId), eq(members.active, true)));
    expect(round.subjects.map((s) => s.memberId).sort()).toEqual(active.map((m) => m.userId).sort());
    const steps = await county.db.select().from(activitySteps).where(eq(activitySteps.activityId, round.activityId));
    expect(steps.map((s) => s.title)).toEqual([t.review.steps.self, t.review.steps.vote, t.review.steps.decide]);
    const before = await county.db.select({ id: activities.id }).from(activities);
    const again = await fail(
      createMeeting(county.db, county.secretary, {
        branchId: county.homeBranchId,
        type: "member_review",
        title: "第二次",
        startsAt: new Date(startsAt.getTime() + 86_400_000),
        durationMinutes: 90,
        links: [],
      }),
    );
    expect(again).toMatchObject({ code: "conflict", message: t.review.yearTaken });
    expect(await county.db.select({ id: activities.id }).from(activities)).toHaveLength(before.length);
  });

  it("组织生活会 is an activity like the others, without a round", async () => {
    const { activityId } = await createMeeting(county.db, county.secretary, {
      branchId: county.homeBranchId,
      type: "org_life_meeting",
      title: "年度组织生活会",
      startsAt,
      durationMinutes: 120,
      links: [],
    });
    const member = round.people.get(county.ownMemberId)!;
    expect(await roundForMember(county.db, member, activityId)).toBeNull();
    const [row] = await county.db.select().from(activities).where(eq(activities.id, activityId));
    expect(row.type).toBe("org_life_meeting");
  });

  it("takes a member's self-assessment, and refuses one from another branch", async () => {
    const member = round.people.get(county.ownMemberId)!;
    await saveSelfAssessment(county.db, member, { roundId: round.roundId, text: "认真学习，按时参加组织生活。" });
    const mine = await roundForMember(county.db, member, round.activityId);
    expect(mine).toMatchObject({ selfAssessment: "认真学习，按时参加组织生活。", hasVoted: false, onList: true });
    expect(mine!.others.some((o) => o.id === round.subjects.find((s) => s.memberId === member.userId)!.id)).toBe(false);
    const stranger = await scopeOfUser(county, county.foreignMemberId);
    expect(await fail(saveSelfAssessment(county.db, stranger, { roundId: round.roundId, text: "越权" }))).toMatchObject(
      {
        code: "forbidden",
      },
    );
    expect(await fail(roundForMember(county.db, stranger, round.activityId))).toMatchObject({ code: "forbidden" });
    expect((await roundForSecretary(county.db, county.secretary, round.activityId)).selfAssessed).toBe(1);
  });

  it("takes one complete ballot per member; a second, or a second of two at once, is refused", async () => {
    const [a, b] = round.subjects.filter((s) => s.memberId !== county.secretary.userId).map((s) => s.memberId);
    const voter = round.people.get(a)!;
    const partial = ballot(round, a);
    partial.grades.pop();
    expect(await fail(castBallot(county.db, voter, partial))).toMatchObject({
      code: "bad_request",
      message: t.review.ballotIncomplete,
    });
    const own = round.subjects.find((s) => s.memberId === a)!;
    const withSelf = ballot(round, a);
    withSelf.grades[0] = { subjectId: own.id, grade: "excellent" };
    expect(await fail(castBallot(county.db, voter, withSelf))).toMatchObject({ code: "bad_request" });

    await castBallot(county.db, voter, ballot(round, a));
    expect(await fail(castBallot(county.db, voter, ballot(round, a)))).toMatchObject({
      code: "conflict",
      message: t.review.alreadyVoted,
    });

    const racer = round.people.get(b)!;
    const results = await Promise.allSettled([
      castBallot(county.db, racer, ballot(round, b)),
      castBallot(county.db, racer, ballot(round, b)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict", message: t.review.alreadyVoted });

    const view = await roundForSecretary(county.db, county.secretary, round.activityId);
    expect(view.voted).toBe(2);
    expect(view.subjects.every((s) => s.tally === null)).toBe(true);
    const stranger = await scopeOfUser(county, county.foreignMemberId);
    expect(await fail(castBallot(county.db, stranger, ballot(round, a)))).toMatchObject({ code: "forbidden" });
  });

  it("shows another branch's secretary nothing and lets them change nothing", async () => {
    expect(await fail(roundForSecretary(county.db, foreignSecretary, round.activityId))).toMatchObject({
      code: "forbidden",
    });
    expect(await fail(countRound(county.db, foreignSecretary, { roundId: round.roundId }))).toMatchObject({
      code: "forbidden",
    });
    expect(await fail(subjectForSecretary(county.db, foreignSecretary, round.subjects[0].id))).toMatchObject({
      code: "forbidden",
    });
    expect(await fail(reviewResultFor(county.db, foreignSecretary, county.ownMemberId, year))).toMatchObject({
      code: "forbidden",
    });
  });

  it("counts only with enough ballots, then takes no more, and every counter adds up", async () => {
    expect(await fail(countRound(county.db, county.secretary, { roundId: round.roundId }))).toMatchObject({
      code: "bad_request",
    });
    // The secretary votes as a member like anyone else (two roles, one ballot).
    const secretaryId = county.secretary.userId;
    await castBallot(county.db, round.people.get(secretaryId)!, ballot(round, secretaryId));
    const star = county.ownMemberId;
    const rest = round.subjects.filter((s) => s.memberId !== secretaryId).slice(2, 6);
    for (const s of rest)
      await castBallot(
        county.db,
        round.people.get(s.memberId)!,
        ballot(round, s.memberId, (m) => (m === star ? "excellent" : undefined)),
      );
    await countRound(county.db, county.secretary, { roundId: round.roundId });
    const late = round.subjects.find((s) => !rest.includes(s) && s.memberId !== secretaryId && s !== round.subjects[0]);
    expect(
      await fail(castBallot(county.db, round.people.get(late!.memberId)!, ballot(round, late!.memberId))),
    ).toMatchObject({ code: "conflict", message: t.review.notOpen });

    const view = await roundForSecretary(county.db, county.secretary, round.activityId);
    expect(view.round.status).toBe("counted");
    for (const s of view.subjects) {
      const total = Object.values(s.tally!).reduce((a, b) => a + b, 0);
      expect(total).toBe(view.voted - (s.voted ? 1 : 0));
    }
    const starTally = view.subjects.find((s) => s.memberId === star)!.tally!;
    expect(starTally.excellent).toBe(rest.filter((s) => s.memberId !== star).length);
  });

  it("keeps 优秀 within the county's share and asks reasons for 不合格 and for a grade against the vote", async () => {
    const view = await roundForSecretary(county.db, county.secretary, round.activityId);
    const max = view.maxExcellent;
    expect(max).toBe(Math.floor(view.subjects.length / 3));
    const others = view.subjects.filter((s) => s.memberId !== county.secretary.userId);
    for (const s of others.slice(0, max))
      await proposeGrade(county.db, county.secretary, { subjectId: s.id, grade: "excellent" });
    expect(
      await fail(proposeGrade(county.db, county.secretary, { subjectId: others[max].id, grade: "excellent" })),
    ).toMatchObject({ code: "bad_request", message: t.review.tooManyExcellent(max) });
    expect(
      await fail(proposeGrade(county.db, county.secretary, { subjectId: others[max].id, grade: "unqualified" })),
    ).toMatchObject({ code: "bad_request", message: t.review.reasonUnqualified });

    // Deciding 优秀 for someone the vote called 合格 needs a reason; with one it stands, up to the share.
    const first = others[0];
    expect(
      await fail(decideGrade(county.db, county.secretary, { subjectId: first.id, grade: "excellent" })),
    ).toMatchObject({ code: "bad_request", message: t.review.reasonDiffers });
    for (const s of others.slice(0, max))
      await decideGrade(county.db, county.secretary, { subjectId: s.id, grade: "excellent", reason: "表现突出" });
    await proposeGrade(county.db, county.secretary, { subjectId: others[max].id, grade: "qualified" });
    expect(
      await fail(
        decideGrade(county.db, county.secretary, { subjectId: others[max].id, grade: "excellent", reason: "再评一个" }),
      ),
    ).toMatchObject({ code: "bad_request", message: t.review.tooManyExcellent(max) });
    expect(
      await fail(decideGrade(county.db, county.secretary, { subjectId: others[max].id, grade: "unqualified" })),
    ).toMatchObject({ code: "bad_request", message: t.review.reasonUnqualified });
    await decideGrade(county.db, county.secretary, { subjectId: others[max].id, grade: "qualified" });
    expect(
      await fail(decideGrade(county.db, county.secretary, { subjectId: others[max].id, grade: "qualified" })),
    ).toMatchObject({ code: "conflict", message: t.review.alreadyDecided });
    const excellent = await county.db
      .select()
      .from(reviewSubjects)
      .where(and(eq(reviewSubjects.roundId, round.roundId), eq(reviewSubjects.grade, "excellent")));
    expect(excellent).toHaveLength(max);
  });

  it("two deciders at once: one decision stands, the other is told", async () => {
    const view = await roundForSecretary(county.db, county.secretary, round.activityId);
    const open = view.subjects.find(
      (s) => !s.grade && s.memberId !== county.secretary.userId && s.memberId !== deputy.userId,
    )!;
    await proposeGrade(county.db, county.secretary, { subjectId: open.id, grade: "qualified" });
    const results = await Promise.allSettled([
      decideGrade(county.db, county.secretary, { subjectId: open.id, grade: "qualified" }),
      decideGrade(county.db, deputy, { subjectId: open.id, grade: "qualified" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "conflict",
    });
    const audits = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.decide"), eq(auditLog.targetId, String(open.id))));
    expect(audits).toHaveLength(1);
  });

  it("a secretary who is also a member cannot decide their own grade; the deputy can, and the member reads it", async () => {
    const own = round.subjects.find((s) => s.memberId === county.secretary.userId)!;
    await proposeGrade(county.db, deputy, { subjectId: own.id, grade: "qualified" });
    expect(
      await fail(decideGrade(county.db, county.secretary, { subjectId: own.id, grade: "qualified" })),
    ).toMatchObject({ code: "forbidden", message: t.review.notOwn });
    await decideGrade(county.db, deputy, { subjectId: own.id, grade: "qualified" });
    const mine = await reviewResultFor(county.db, county.secretary, county.secretary.userId, year);
    expect(mine).toMatchObject({ grade: "qualified", year });
    const [star] = await county.db
      .select({ memberId: reviewSubjects.memberId })
      .from(reviewSubjects)
      .where(and(eq(reviewSubjects.roundId, round.roundId), eq(reviewSubjects.grade, "excellent")));
    const member = round.people.get(star.memberId)!;
    expect(await reviewResultFor(county.db, member, star.memberId, year)).toMatchObject({
      grade: "excellent",
      reason: "表现突出",
    });
    expect(await reviewResultFor(county.db, member, star.memberId, year - 1)).toBeNull();
    // The member's 年度报告 carries it (and nothing for a year without a round).
    expect((await yearReport(county.db, member, { memberId: star.memberId, year })).review).toMatchObject({
      grade: "excellent",
    });
    expect((await yearReport(county.db, member, { memberId: star.memberId, year: year - 1 })).review).toBeNull();
    expect(await fail(reviewResultFor(county.db, member, county.secretary.userId, year))).toMatchObject({
      code: "forbidden",
    });
    const admin = await county.scopeOf(phones.countyAdmin);
    expect(await reviewResultFor(county.db, admin, star.memberId, year)).toMatchObject({ grade: "excellent" });
  });

  it("takes the county's share from its settings when the round opens", async () => {
    const other = await demoCounty();
    try {
      const admin = await other.scopeOf(phones.countyAdmin);
      expect(await reviewShare(other.db, admin)).toEqual({ numerator: 1, denominator: 3 });
      expect(await fail(setReviewShare(other.db, other.secretary, { numerator: 1, denominator: 1 }))).toMatchObject({
        code: "forbidden",
      });
      expect(reviewShareInput.safeParse({ numerator: "4", denominator: "3" }).success).toBe(false);
      await setReviewShare(other.db, admin, reviewShareInput.parse({ numerator: "1", denominator: "5" }));
      const r = await reviewRound(other);
      const view = await roundForSecretary(other.db, other.secretary, r.activityId);
      expect(view.maxExcellent).toBe(Math.floor(r.subjects.length / 5));
      // A later change leaves the open round as it was.
      await setReviewShare(other.db, admin, { numerator: 1, denominator: 2 });
      expect((await roundForSecretary(other.db, other.secretary, r.activityId)).maxExcellent).toBe(view.maxExcellent);
      const [setting] = await other.db.select().from(countySettings);
      expect(setting).toMatchObject({ reviewExcellentNumerator: 1, reviewExcellentDenominator: 2 });
    } finally {
      await other.close();
    }
  }, 120_000);
});

describe("ballot secrecy", () => {
  it("stores no column that could tie a grade to its voter: the voters table holds no grade, the counters no voter or time", async () => {
    const county = await demoCounty();
    try {
      const columns = async (table: string) =>
        (
          await rows<{ column_name: string; data_type: string }>(
            county,
            sql`select column_name, data_type from information_schema.columns where table_name = ${table}
              order by ordinal_position`,
          )
        ).map((c) => `${c.column_name}:${c.data_type}`);
      expect(await columns("review_voters")).toEqual(["round_id:integer", "member_id:integer"]);
      expect(await columns("review_tallies")).toEqual([
        "round_id:integer",
        "subject_id:integer",
        "grade:USER-DEFINED",
        "votes:integer",
      ]);
      const references = async (table: string) =>
        (
          await rows<{ target: string }>(
            county,
            sql`
            select ccu.table_name as target from information_schema.table_constraints tc
            join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
            where tc.table_name = ${table} and tc.constraint_type = 'FOREIGN KEY' order by 1`,
          )
        ).map((r) => r.target);
      // The counters reach people only through the subject, the member being graded.
      expect(await references("review_tallies")).toEqual(["review_rounds", "review_subjects"]);
      // The only tables with a review grade: the counters, and the subjects' proposal and decision.
      const graded = await rows<{ table_name: string; column_name: string }>(
        county,
        sql`
        select table_name, column_name from information_schema.columns
        where udt_name = 'review_grade' order by table_name, column_name`,
      );
      expect(graded.map((g) => `${g.table_name}.${g.column_name}`)).toEqual([
        "review_subjects.grade",
        "review_subjects.proposed_grade",
        "review_tallies.grade",
      ]);
    } finally {
      await county.close();
    }
  }, 120_000);

  /**
   * The strongest form of "no query can tell": two counties where two members swap their ballots end in the
   * same stored state, row by row and tuple by tuple, audit entries included (their times aside). Whatever a
   * query reads afterwards, it reads the same from both, so it cannot tell who gave which grade.
   */
  it("two voters who swap their ballots leave the same stored state", async () => {
    const state = async (swap: boolean) => {
      const county = await demoCounty();
      try {
        const round = await reviewRound(county);
        const [x, v1, v2, v3] = round.subjects.map((s) => s.memberId);
        const high = (m: number) => (m === x ? ("excellent" as const) : undefined);
        const low = (m: number) => (m === x ? ("basically_qualified" as const) : undefined);
        await castBallot(county.db, round.people.get(v1)!, ballot(round, v1, swap ? low : high));
        await castBallot(county.db, round.people.get(v2)!, ballot(round, v2, swap ? high : low));
        await castBallot(county.db, round.people.get(v3)!, ballot(round, v3));
        // Tuple positions too on PGlite, where nothing runs beside the test; a PostgreSQL server prunes pages
        // when it likes, so there the positions move between any two runs and only the rows are compared.
        const at = process.env.DATABASE_URL ? sql`` : sql`ctid::text as at,`;
        const tallies = await rows(
          county,
          sql`select ${at} * from ${reviewTallies} order by round_id, subject_id, grade`,
        );
        const voters = await rows(county, sql`select ${at} * from ${reviewVoters} order by member_id`);
        const audit = await county.db
          .select({
            action: auditLog.action,
            actor: auditLog.actorId,
            target: auditLog.targetId,
            detail: auditLog.detail,
          })
          .from(auditLog)
          .where(eq(auditLog.action, "review.vote"))
          .orderBy(auditLog.id);
        return { tallies, voters, audit };
      } finally {
        await county.close();
      }
    };
    const a = await state(false);
    const b = await state(true);
    expect(a.audit).toHaveLength(3);
    expect(a.audit.every((e) => e.detail === null || Object.keys(e.detail as object).length === 0)).toBe(true);
    expect(b).toEqual(a);
  }, 240_000);
});
