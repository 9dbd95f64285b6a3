import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIn } from "@/db/queries/checkins";
import type { Scope } from "@/lib/scope";
import { LIVE_COUNTS_MS, liveAttendance } from "@/lib/server/live-attendance";
import { demoCounty, phones, scanOf } from "./county";

/**
 * The secretary's live counts are served from a copy kept a moment per activity (lib/server/live-attendance.ts): the
 * copy must never reach anyone not allowed to see that activity's roster, and a check-in must show once the
 * copy's time is up.
 */
let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
const startsAt = new Date(Date.now() + 3 * 86_400_000);
const at = (minutes: number) => startsAt.getTime() + minutes * 60_000;

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
});
afterAll(() => county.close());

describe("the secretary's live counts", () => {
  it("show a check-in once the copy's time is up, and the copy of one branch never reaches another's secretary or a member", async () => {
    const { otherSecretary } = county;
    const ours = await county.meeting("实时：本支部", startsAt);
    const theirs = await county.meeting("实时：外支部", startsAt, {
      branchId: county.otherBranchId,
      secretary: otherSecretary,
    });
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

    await checkIn(county.db, member, await scanOf(ours, new Date(at(1))), new Date(at(1)));
    const after = await liveAttendance(county.db, county.secretary, ours.id, at(0) + LIVE_COUNTS_MS);
    expect(after.present).toHaveLength(1);
    expect(after.waiting).toHaveLength(before.waiting.length - 1);
    // The other branch's counts are its own.
    expect((await liveAttendance(county.db, otherSecretary, theirs.id, at(0) + LIVE_COUNTS_MS)).present).toEqual([]);
  });
});
