import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIn } from "@/db/queries/checkins";
import { activities, attendance } from "@/db/schema/activities";
import { checkins } from "@/db/schema/checkins";
import { members } from "@/db/schema/users";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones, scanOf } from "./county";

/**
 * checkIn keeps a copy of the activity for a few seconds (docs/scaling.md); whatever changes in that time
 * must still be decided on what the database says, never on the copy.
 */
let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let others: Scope[];
const startsAt = new Date(Date.now() + 3 * 86_400_000);
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  const rows = await county.db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.branchId, county.homeBranchId), ne(members.userId, member.userId)))
    .orderBy(members.userId)
    .limit(4);
  others = rows.map((r) => ({ ...member, userId: r.userId }));
});
afterAll(() => county.close());

const meeting = (title: string) => county.meeting(title, startsAt);
const scan = scanOf;

describe("check-in with a cached activity", () => {
  it("refuses once the activity is closed, and still answers a replay with the first answer", async () => {
    const activity = await meeting("缓存：关闭");
    const first = await scan(activity, at(1));
    const answer = await checkIn(county.db, member, first, at(1)); // now cached as scheduled
    expect(answer.status).toBe("checked_in");
    await county.db.update(activities).set({ status: "closed" }).where(eq(activities.id, activity.id));

    await expect(checkIn(county.db, others[0], await scan(activity, at(2)), at(2))).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("结束"),
    });
    expect(
      await county.db
        .select()
        .from(checkins)
        .where(and(eq(checkins.activityId, activity.id), eq(checkins.memberId, others[0].userId))),
    ).toHaveLength(0);
    expect(await checkIn(county.db, member, first, at(2))).toEqual(answer);
  });

  it("decides on the new time when the activity was moved after it was cached", async () => {
    const activity = await meeting("缓存：改期");
    expect((await checkIn(county.db, member, await scan(activity, at(1)), at(1))).status).toBe("checked_in");
    // Moved two hours later: at start + 2 minutes the window of the new time is not open yet.
    await county.db
      .update(activities)
      .set({ startsAt: at(120) })
      .where(eq(activities.id, activity.id));
    await expect(checkIn(county.db, others[1], await scan(activity, at(2)), at(2))).rejects.toMatchObject({
      code: "conflict",
    });
    // Moved an hour earlier: at the old start + 2 minutes a check-in is now late.
    await county.db
      .update(activities)
      .set({ startsAt: at(-60) })
      .where(eq(activities.id, activity.id));
    const late = await checkIn(county.db, others[2], await scan(activity, at(2)), at(2));
    expect(late.status).toBe("late");
    const [row] = await county.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.activityId, activity.id), eq(attendance.memberId, others[2].userId)));
    expect(row).toMatchObject({ outcome: "late", source: "checkin" });
  });

  it("refuses a client id that another member already used, without writing", async () => {
    const activity = await meeting("缓存：编号");
    const first = await scan(activity, at(1));
    await checkIn(county.db, member, first, at(1));
    await expect(checkIn(county.db, others[3], { ...first }, at(1))).rejects.toMatchObject({ code: "conflict" });
    expect(await county.db.select().from(checkins).where(eq(checkins.clientId, first.clientId))).toHaveLength(1);
  });
});
