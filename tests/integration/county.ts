import { randomUUID } from "node:crypto";
import { and, eq, ne, notInArray } from "drizzle-orm";
import { createMeeting } from "@/db/queries/activity-run";
import { publishPlan } from "@/db/queries/plans";
import { findUserByPhone, loadSessionUser } from "@/db/queries/session";
import { activities } from "@/db/schema/activities";
import { orgNodes } from "@/db/schema/org";
import { members, roleGrants } from "@/db/schema/users";
import { seedDemo } from "@/db/seed";
import { codeFor, stepAt } from "@/lib/checkin-token";
import type { Scope } from "@/lib/scope";
import { testDb } from "./db";

export const phones = {
  countyAdmin: "13800000001",
  committeeAdmin: "13800000002",
  secretary: "13800000003",
  member: "13800000004",
  gridWorker: "13800000005",
};

type Activity = typeof activities.$inferSelect;

/** What the member's phone sends for a scan of `activity`'s code as its screen showed it at `when`. */
export async function scanOf(activity: Activity, when: Date) {
  const step = stepAt(when.getTime());
  return {
    activityId: activity.id,
    step,
    code: await codeFor(activity.checkinSecret, activity.id, step),
    clientId: randomUUID(),
  };
}

type ThemeDayPlan = Partial<Parameters<typeof publishPlan>[2]> & { startsAt: Date };

/** A fresh database holding the demo county, and the scopes of the people in it. */
export async function demoCounty() {
  const { db, close } = await testDb();
  await seedDemo(db);
  const scopeOf = async (phone: string): Promise<Scope> => {
    const user = await findUserByPhone(db, phone);
    if (!user) throw new Error(`no demo user ${phone}`);
    return (await loadSessionUser(db, user.id))!.scope;
  };
  const secretary = await scopeOf(phones.secretary);
  const home = secretary.member!.branchId;
  // Some other branch, its secretary and one of its members: the "foreign" objects of the scope tests.
  const [other] = await db
    .select({ branchId: roleGrants.nodeId, secretaryId: roleGrants.userId, path: orgNodes.path })
    .from(roleGrants)
    .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
    .where(and(eq(roleGrants.role, "secretary"), ne(roleGrants.nodeId, home)))
    .orderBy(roleGrants.id);
  const [foreignMember] = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.branchId, other.branchId), ne(members.userId, other.secretaryId)))
    .orderBy(members.userId);
  // Not the demo member either: tests sign in as them with the demo password.
  const demoMember = await scopeOf(phones.member);
  const [ownMember] = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.branchId, home), notInArray(members.userId, [secretary.userId, demoMember.userId])))
    .orderBy(members.userId);
  /**
   * The county publishes a theme day (one agenda step, not mandatory, unless told otherwise): its plan and
   * the home branch's activity made from it, and any other branch's.
   */
  const themeDay = async (plan: ThemeDayPlan) => {
    const admin = await scopeOf(phones.countyAdmin);
    const { planId } = await publishPlan(db, admin, {
      title: "主题党日测试",
      durationMinutes: 120,
      materials: "",
      links: [],
      items: [{ title: "集中学习", mandatory: false }],
      ...plan,
    });
    const made = await db.select().from(activities).where(eq(activities.planId, planId));
    const of = (branchId: number) => made.find((a) => a.branchId === branchId)!;
    return { planId, activity: of(home), of };
  };
  /** A 党小组会 of the home branch (or of `branchId`, made by its `secretary`) at `startsAt`, 90 minutes. */
  const meeting = async (title: string, startsAt: Date, by = { branchId: home, secretary }): Promise<Activity> => {
    const { activityId } = await createMeeting(db, by.secretary, {
      branchId: by.branchId,
      type: "group_meeting",
      title,
      startsAt,
      durationMinutes: 90,
      links: [],
    });
    const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
    return row;
  };
  /** The first `count` members of the home branch who are at home (so expected), the secretary left out. */
  const homeMembers = async (count: number): Promise<Scope[]> => {
    const rows = await db
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.branchId, home), eq(members.presence, "home"), ne(members.userId, secretary.userId)))
      .orderBy(members.userId)
      .limit(count);
    return Promise.all(rows.map(async (m) => (await loadSessionUser(db, m.userId))!.scope));
  };
  return {
    db,
    close,
    scopeOf,
    themeDay,
    meeting,
    homeMembers,
    secretary,
    otherSecretary: (await loadSessionUser(db, other.secretaryId))!.scope,
    homeBranchId: home,
    otherBranchId: other.branchId,
    otherBranchPath: other.path,
    foreignMemberId: foreignMember.userId,
    ownMemberId: ownMember.userId,
  };
}
