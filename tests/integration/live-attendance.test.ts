import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeeting } from "@/db/queries/activity-run";
import { checkIn } from "@/db/queries/checkins";
import { loadSessionUser } from "@/db/queries/session";
import { activities } from "@/db/schema/activities";
import { roleGrants } from "@/db/schema/users";
import { codeFor, stepAt } from "@/lib/checkin-token";
import type { Scope } from "@/lib/scope";
import { LIVE_COUNTS_MS, liveAttendance } from "@/lib/server/live-attendance";
import { demoCounty, phones } from "./county";

/**
 * The secretary's live counts are served from a copy kept a moment per activity (lib/server/live-attendance.ts): the
 * copy must never reach anyone not allowed to see that activity's roster, and a check-in must show once the
 * copy's time is up.
 */
let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let otherSecretary: Scope;
const startsAt = new Date(Date.now() + 3 * 86_400_000);
const at = (minutes: number) => startsAt.getTime() + minutes * 60_000;

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  const [grant] = await county.db
    .select({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.role, "secretary"), eq(roleGrants.nodeId, county.otherBranchId)));
  otherSecretary = (await loadSessionUser(county.db, grant.userId))!.scope;
});
afterAll(() => county.close());

async function meeting(branchId: number, secretary: Scope, title: string) {
  const { activityId } = await createMeeting(county.db, secretary, {
    branchId,
    type: "group_meeting",
    title,
    startsAt,
    durationMinutes: 90,
    links: [],
  });
  const [row] = await county.db.select().from(activities).where(eq(activities.id, activityId));
  return row;
}

describe("the secretary's live counts", () => {
  it("show a check-in once the copy's time is up, and the copy of one branch never reaches another's secretary or a member", async () => {
    const ours = await meeting(county.homeBranchId, county.secretary, "实时：本支部");
    const theirs = await meeting(county.otherBranchId, otherSecretary, "实时：外支部");
    const before = await liveAttendance(county.db, county.secretary, ours.id, at(0));
    expect(before.present).toEqual([]);
    await liveAttendance(county.db, otherSecretary, theirs.id, at(0));

    // Both copies are fresh now: neither may be handed to someone outside its branch.
    await expect(liveAttendance(county.db, otherSecretary, ours.id, at(0))).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(liveAttendance(county.db, county.secretary, theirs.id, at(0))).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(liveAttendance(county.db, member, ours.id, at(0))).rejects.toMatchObject({ code: "forbidden" });

    const step = stepAt(at(1));
    await checkIn(
      county.db,
      member,
      { activityId: ours.id, step, code: await codeFor(ours.checkinSecret, ours.id, step), clientId: randomUUID() },
      new Date(at(1)),
    );
    const after = await liveAttendance(county.db, county.secretary, ours.id, at(0) + LIVE_COUNTS_MS);
    expect(after.present).toHaveLength(1);
    expect(after.waiting).toHaveLength(before.waiting.length - 1);
    // The other branch's counts are its own.
    expect((await liveAttendance(county.db, otherSecretary, theirs.id, at(0) + LIVE_COUNTS_MS)).present).toEqual([]);
  });
});
