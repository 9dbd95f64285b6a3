import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeeting } from "@/db/queries/activity-run";
import { loadSessionUser } from "@/db/queries/session";
import { activities } from "@/db/schema/activities";
import { roleGrants } from "@/db/schema/users";
import type { Scope } from "@/lib/scope";
import { branchNextActivity, NEXT_ACTIVITY_COPY_MS } from "@/lib/server/branch-copies";
import { demoCounty, phones } from "./county";

/**
 * The home's next activity is kept a few seconds per branch (lib/server/branch-copies.ts): members of one branch
 * share it, a member of another branch never gets it, and a moved time shows once the copy's time is up.
 */
let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let sameBranch: Scope;
let otherBranch: Scope;
const soon = new Date(Date.now() + 60_000);

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  sameBranch = (await loadSessionUser(county.db, county.ownMemberId))!.scope;
  otherBranch = (await loadSessionUser(county.db, county.foreignMemberId))!.scope;
});
afterAll(() => county.close());

describe("the home's next activity, kept per branch", () => {
  it("reaches only its own branch's members, and a moved time shows once the copy's time is up", async () => {
    const ours = await createMeeting(county.db, county.secretary, {
      branchId: county.homeBranchId,
      type: "party_lecture",
      title: "副本：本支部",
      startsAt: soon,
      durationMinutes: 60,
      links: [],
    });
    const [grant] = await county.db
      .select({ userId: roleGrants.userId })
      .from(roleGrants)
      .where(and(eq(roleGrants.role, "secretary"), eq(roleGrants.nodeId, county.otherBranchId)));
    const otherSecretary = (await loadSessionUser(county.db, grant.userId))!.scope;
    const theirs = await createMeeting(county.db, otherSecretary, {
      branchId: county.otherBranchId,
      type: "party_lecture",
      title: "副本：外支部",
      startsAt: soon,
      durationMinutes: 60,
      links: [],
    });
    const t0 = Date.now();

    const mine = await branchNextActivity(county.db, member, t0);
    expect(mine?.id).toBe(ours.activityId);
    // The other branch reads while ours is kept: it gets its own, never ours.
    expect((await branchNextActivity(county.db, otherBranch, t0))?.id).toBe(theirs.activityId);
    expect((await branchNextActivity(county.db, sameBranch, t0))?.id).toBe(ours.activityId);

    const moved = new Date(soon.getTime() + 30 * 60_000);
    await county.db.update(activities).set({ startsAt: moved }).where(eq(activities.id, ours.activityId));
    const later = await branchNextActivity(county.db, sameBranch, t0 + NEXT_ACTIVITY_COPY_MS);
    expect(later?.id).toBe(ours.activityId);
    expect(later?.startsAt).toEqual(moved);
    expect((await branchNextActivity(county.db, otherBranch, t0 + NEXT_ACTIVITY_COPY_MS))?.id).toBe(theirs.activityId);
  });

  it("is nobody's without a branch", async () => {
    await expect(branchNextActivity(county.db, { userId: 1, grants: [], member: null })).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
