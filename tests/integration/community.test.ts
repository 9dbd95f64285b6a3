import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideReport, fileReport, myCommunity, pendingReports } from "@/db/queries/community";
import { branchFeedback, feedbackRollup } from "@/db/queries/community-feedback";
import { createServiceActivity, memberServiceActivities, setSignup } from "@/db/queries/service-activities";
import { loadSessionUser } from "@/db/queries/session";
import { correctHours, decideHours, recordActivityHours, recordHours } from "@/db/queries/volunteer-hours";
import { auditLog } from "@/db/schema/audit";
import { communityReports, servicePosts, volunteerHours } from "@/db/schema/community";
import { orgNodes } from "@/db/schema/org";
import { members, roleGrants, users } from "@/db/schema/users";
import { demoCounty as demoNames } from "@/db/seed";
import { quarterOf, shanghaiDate } from "@/lib/community";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let worker: Scope;
let otherWorker: Scope;
let member: Scope;
let secondMember: Scope;
let retired: Scope;
let gridId: number;
let _otherGridId: number;
let postIds: number[];

const day = 86_400_000;
const now = new Date();
const today = shanghaiDate(now);

async function reportAndConfirm(scope: Scope, at: Date, grid = gridId) {
  const { id } = await fileReport(county.db, scope, { gridId: grid, postIds: [], note: undefined });
  await decideReport(county.db, worker, { reportId: id, decision: "confirm", comment: "" }, at);
  return id;
}

const entry = (extra: Partial<Parameters<typeof recordHours>[2]> = {}) => ({
  clientId: randomUUID(),
  servedOn: today,
  hours: 2,
  description: "清扫楼道",
  ...extra,
});
const countHours = async (memberId: number) =>
  (await county.db.select().from(volunteerHours).where(eq(volunteerHours.memberId, memberId))).length;

beforeAll(async () => {
  county = await demoCounty();
  worker = await county.scopeOf(phones.gridWorker);
  member = await county.scopeOf(phones.member);
  const [grid] = await county.db.select().from(orgNodes).where(eq(orgNodes.name, demoNames.firstGrid));
  gridId = grid.id;
  const [other] = await county.db
    .select()
    .from(orgNodes)
    .where(and(eq(orgNodes.kind, "grid"), eq(orgNodes.parentId, grid.parentId!), sql`${orgNodes.id} <> ${grid.id}`));
  _otherGridId = other.id;
  postIds = (await county.db.select().from(servicePosts).where(eq(servicePosts.communityId, grid.parentId!))).map(
    (p) => p.id,
  );
  // A grid worker of the neighbouring grid: the county's admin account doubles as one for this test.
  const [admin] = await county.db.select().from(users).where(eq(users.phone, phones.committeeAdmin));
  await county.db.insert(roleGrants).values({ userId: admin.id, role: "grid_worker", nodeId: other.id });
  otherWorker = (await loadSessionUser(county.db, admin.id))!.scope;
  const home = await county.db
    .select({ userId: members.userId, employment: members.employment })
    .from(members)
    .where(
      and(
        eq(members.branchId, county.homeBranchId),
        sql`not exists (select 1 from community_reports r where r.member_id = ${members.userId})`,
        sql`${members.userId} <> ${member.userId}`,
      ),
    )
    .orderBy(members.userId);
  secondMember = (await loadSessionUser(county.db, home.find((m) => m.employment === "in_office")!.userId))!.scope;
  retired = (await loadSessionUser(county.db, home.find((m) => m.employment === "retired")!.userId))!.scope;
});
afterAll(() => county.close());

describe("community reporting", () => {
  it("report → confirm → current, due for renewal in the sixth month, lapsed after it; a renewal ends the old report", async () => {
    const confirmedAt = new Date(now.getTime() - 10 * day);
    const { id } = await fileReport(county.db, member, { gridId, postIds: postIds.slice(0, 2), note: "住 3 号楼" });
    expect((await myCommunity(county.db, member)).standing).toBe("pending");
    expect((await pendingReports(county.db, worker)).map((r) => r.id)).toContain(id);
    await decideReport(county.db, worker, { reportId: id, decision: "confirm", comment: "" }, confirmedAt);

    const mine = await myCommunity(county.db, member);
    expect(mine).toMatchObject({
      standing: "current",
      confirmed: { gridName: demoNames.firstGrid, posts: expect.arrayContaining([expect.any(String)]) },
    });
    expect(mine.confirmed!.posts).toHaveLength(2);
    expect((await myCommunity(county.db, member, new Date(confirmedAt.getTime() + 160 * day))).standing).toBe("due");
    expect((await myCommunity(county.db, member, new Date(confirmedAt.getTime() + 185 * day))).standing).toBe(
      "expired",
    );

    // Renewing is a new report; until it is confirmed the old one stays current.
    const renewal = await fileReport(county.db, member, { gridId, postIds: [], note: undefined });
    await expect(fileReport(county.db, member, { gridId, postIds: [], note: undefined })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await myCommunity(county.db, member)).standing).toBe("current");
    await decideReport(county.db, worker, { reportId: renewal.id, decision: "confirm", comment: "" }, now);
    const rows = await county.db
      .select()
      .from(communityReports)
      .where(eq(communityReports.memberId, member.userId))
      .orderBy(communityReports.id);
    expect(rows.map((r) => r.status)).toEqual(["ended", "confirmed"]);
    expect(rows[0].endedAt).not.toBeNull();
  });

  it("a returned report carries its reason; a grid worker of another grid is refused and nothing changes", async () => {
    const { id } = await fileReport(county.db, secondMember, { gridId, postIds: [], note: undefined });
    await expect(
      decideReport(county.db, otherWorker, { reportId: id, decision: "confirm", comment: "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      decideReport(county.db, member, { reportId: id, decision: "confirm", comment: "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await county.db.select().from(communityReports).where(eq(communityReports.id, id)))[0].status).toBe(
      "pending",
    );
    await decideReport(county.db, worker, { reportId: id, decision: "return", comment: "请选择实际居住的网格" });
    expect((await myCommunity(county.db, secondMember)).returned?.comment).toBe("请选择实际居住的网格");
    await reportAndConfirm(secondMember, now);
  });

  it("only in-office members report; posts must belong to the chosen community", async () => {
    await expect(fileReport(county.db, retired, { gridId, postIds: [], note: undefined })).rejects.toMatchObject({
      code: "conflict",
    });
    const [foreignPost] = await county.db.select().from(servicePosts).where(sql`${servicePosts.id} not in ${postIds}`);
    await expect(
      fileReport(county.db, secondMember, { gridId, postIds: [foreignPost.id], note: undefined }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("volunteer hours", () => {
  let activityId: number;

  it("hours for an activity's attendees in one step, adjustable per person, never longer than the activity", async () => {
    const startsAt = new Date(Math.floor((now.getTime() + day) / 60_000) * 60_000);
    ({ id: activityId } = await createServiceActivity(county.db, worker, {
      nodeId: gridId,
      title: "垃圾分类宣传",
      place: "东街广场",
      startsAt,
      minutes: 90,
      capacity: 2,
      postId: postIds[1],
    }));
    await setSignup(county.db, member, { activityId, join: true });
    await setSignup(county.db, secondMember, { activityId, join: true });
    expect((await memberServiceActivities(county.db, member)).find((a) => a.id === activityId)).toMatchObject({
      mine: true,
      signups: 2,
    });
    await expect(setSignup(county.db, retired, { activityId, join: true })).rejects.toMatchObject({
      code: "forbidden",
    });

    const after = new Date(startsAt.getTime() + 2 * 3600_000);
    const over = {
      activityId,
      entries: [
        { memberId: member.userId, hours: 3 },
        { memberId: secondMember.userId, hours: 4 },
      ],
    };
    await expect(recordActivityHours(county.db, worker, over, after)).rejects.toMatchObject({ code: "bad_request" });
    expect(await countHours(secondMember.userId)).toBe(0);
    await expect(
      recordActivityHours(
        county.db,
        otherWorker,
        { activityId, entries: [{ memberId: member.userId, hours: 3 }] },
        after,
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await recordActivityHours(
      county.db,
      worker,
      {
        activityId,
        entries: [
          { memberId: member.userId, hours: 3 },
          { memberId: secondMember.userId, hours: 2 },
        ],
      },
      after,
    );
    const all = await county.db.select().from(volunteerHours).where(eq(volunteerHours.activityId, activityId));
    const rows = [member, secondMember].map((s) => all.find((r) => r.memberId === s.userId)!);
    expect(all).toHaveLength(2);
    expect(rows.map((r) => [r.halfHours, r.status])).toEqual([
      [3, "confirmed"],
      [2, "confirmed"],
    ]);
    // Recording the same attendee twice is refused; a correction is a new entry superseding the old.
    await expect(
      recordActivityHours(county.db, worker, { activityId, entries: [{ memberId: member.userId, hours: 1 }] }, after),
    ).rejects.toMatchObject({ code: "conflict" });
    const fixed = await correctHours(county.db, worker, {
      hoursId: rows[1].id,
      hours: 3,
      comment: "实际服务 1.5 小时",
    });
    const after2 = await county.db
      .select()
      .from(volunteerHours)
      .where(inArray(volunteerHours.id, [rows[1].id, fixed.id]))
      .orderBy(volunteerHours.id);
    expect(after2.map((r) => [r.halfHours, r.status, r.replacesId])).toEqual([
      [2, "superseded", null],
      [3, "confirmed", rows[1].id],
    ]);
  });

  it("limits: not a half-hour step, negative, over 12 hours a day, in the future", async () => {
    const { hoursInput } = await import("@/lib/validation/community");
    expect(hoursInput.safeParse({ ...entry(), hours: "1.2" }).success).toBe(false);
    expect(hoursInput.safeParse({ ...entry(), hours: "-1" }).success).toBe(false);
    expect(hoursInput.safeParse({ ...entry(), hours: "0" }).success).toBe(false);
    const yesterday = shanghaiDate(new Date(now.getTime() - day));
    await recordHours(county.db, worker, entry({ memberId: member.userId, servedOn: yesterday, hours: 20 }));
    await expect(
      recordHours(county.db, worker, entry({ memberId: member.userId, servedOn: yesterday, hours: 10 })),
    ).rejects.toMatchObject({ code: "bad_request" });
    await recordHours(county.db, worker, entry({ memberId: member.userId, servedOn: yesterday, hours: 4 }));
    const tomorrow = shanghaiDate(new Date(now.getTime() + day));
    await expect(recordHours(county.db, member, entry({ servedOn: tomorrow }))).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it("a grid worker of another grid is refused; a member not reported cannot submit", async () => {
    const before = await countHours(member.userId);
    await expect(recordHours(county.db, otherWorker, entry({ memberId: member.userId }))).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(recordHours(county.db, retired, entry())).rejects.toMatchObject({ code: "conflict" });
    expect(await countHours(member.userId)).toBe(before);
  });

  it("a member's own entry waits; the grid worker adjusts it; a replay of the client id makes one entry", async () => {
    const mine = entry({ hours: 3, description: "帮独居老人买菜" });
    const [first, ...replays] = await Promise.all([
      recordHours(county.db, secondMember, mine),
      recordHours(county.db, secondMember, mine),
      recordHours(county.db, secondMember, mine),
    ]);
    for (const r of replays) expect(r).toEqual(first);
    expect(first.status).toBe("submitted");
    expect(
      (await county.db.select().from(volunteerHours).where(eq(volunteerHours.clientId, mine.clientId))).length,
    ).toBe(1);
    await expect(recordHours(county.db, member, mine)).rejects.toMatchObject({ code: "conflict" });

    await expect(
      decideHours(county.db, otherWorker, { hoursId: first.id, decision: "confirm", comment: "" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const adjusted = await decideHours(county.db, worker, {
      hoursId: first.id,
      decision: "adjust",
      hours: 2,
      comment: "按实际 1 小时",
    });
    expect(adjusted).toMatchObject({ status: "confirmed", halfHours: 2 });
    await expect(
      decideHours(county.db, worker, { hoursId: first.id, decision: "confirm", comment: "" }),
    ).rejects.toMatchObject({ code: "conflict" });
    const audit = await county.db.select().from(auditLog).where(eq(auditLog.action, "community.hours.adjust"));
    expect(audit).toHaveLength(1);
  });
});

describe("feedback to the branch", () => {
  it("the secretary sees each member's community and confirmed hours; the committee sees the branch rolled up", async () => {
    const q = quarterOf(today);
    const { rows } = await branchFeedback(county.db, county.secretary, county.homeBranchId, q);
    const mine = rows.find((r) => r.memberId === member.userId)!;
    expect(mine).toMatchObject({ standing: "current", gridName: demoNames.firstGrid });
    const confirmed = await county.db
      .select()
      .from(volunteerHours)
      .where(and(eq(volunteerHours.memberId, member.userId), eq(volunteerHours.status, "confirmed")));
    const inQuarter = confirmed
      .filter((r) => r.servedOn >= q.from && r.servedOn <= q.to)
      .reduce((s, r) => s + r.halfHours, 0);
    expect(mine.quarterHalfHours).toBe(inQuarter);
    await expect(branchFeedback(county.db, county.secretary, county.otherBranchId, q)).rejects.toMatchObject({
      code: "forbidden",
    });

    const committee = await county.scopeOf(phones.committeeAdmin);
    const rollup = await feedbackRollup(county.db, committee, q);
    const home = rollup.find((r) => r.branchId === county.homeBranchId)!;
    expect(home.quarterHalfHours).toBe(rows.reduce((s, r) => s + r.quarterHalfHours, 0));
    expect(home.reported).toBe(rows.filter((r) => r.standing === "current" || r.standing === "due").length);
    await expect(feedbackRollup(county.db, member, q)).rejects.toMatchObject({ code: "forbidden" });
  });
});
