import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkIn } from "@/db/queries/checkins";
import { getElderMode, setElderMode } from "@/db/queries/preferences";
import type { activities } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { codeFor, stepAt } from "@/lib/checkin-token";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let activity: typeof activities.$inferSelect;
const startsAt = new Date(Date.now() + 3 * 86_400_000);
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  ({ activity } = await county.themeDay({ startsAt, durationMinutes: 90 }));
});
afterAll(() => county.close());

/** The code the screen showed `minutes` after the start, typed (no step) at `typedAt`. */
const typed = async (shownAt: Date) => ({
  activityId: activity.id,
  code: await codeFor(activity.checkinSecret, activity.id, stepAt(shownAt.getTime())),
  clientId: randomUUID(),
});

describe("elder mode", () => {
  it("is off by default, switched by the person themself, and audited", async () => {
    expect(await getElderMode(county.db, member)).toBe(false);
    expect(await setElderMode(county.db, member, { on: true })).toEqual({ on: true });
    expect(await getElderMode(county.db, member)).toBe(true);
    // Someone else's setting is untouched.
    expect(await getElderMode(county.db, county.secretary)).toBe(false);
    const entries = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "account.elder_mode"), eq(auditLog.actorId, member.userId)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ targetId: String(member.userId), outcome: "ok", detail: { on: true } });
  });

  it("accepts a typed code shown earlier in the window from an elder member only", async () => {
    // The secretary (also a member of the branch) is not in elder mode: a 10-minute-old code is refused.
    await expect(checkIn(county.db, county.secretary, await typed(at(-5)), at(5))).rejects.toMatchObject({
      code: "bad_request",
    });
    // The elder member typed the same old code: accepted, at the time it arrived.
    const answer = await checkIn(county.db, member, await typed(at(-5)), at(5));
    expect(answer).toMatchObject({ status: "checked_in", at: at(5).toISOString() });
  });

  it("still refuses a code from outside the window, and a wrong one, in elder mode", async () => {
    await setElderMode(county.db, county.secretary, { on: true });
    await expect(checkIn(county.db, county.secretary, await typed(at(-45)), at(5))).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(checkIn(county.db, county.secretary, await typed(at(30)), at(5))).rejects.toMatchObject({
      code: "bad_request",
    });
    const wrong = await typed(at(1));
    await expect(
      checkIn(county.db, county.secretary, { ...wrong, code: wrong.code === "000000" ? "111111" : "000000" }, at(5)),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
