import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityReach, markPhoned } from "@/db/queries/reach";
import { notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { t } from "@/lib/messages";
import { setDeliveryAfterCommit } from "@/lib/server/delivery";
import { fromLocalInput } from "@/lib/time";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;

beforeAll(async () => {
  county = await demoCounty();
  setDeliveryAfterCommit(false);
});
afterAll(async () => {
  setDeliveryAfterCommit(true);
  await county.close();
});

describe("the secretary's not-reached list", () => {
  it("lists expected members no channel reached, and a phone call marks one reached, once, audited", async () => {
    const { activity } = await county.themeDay({ startsAt: fromLocalInput("2027-03-10T09:00") });
    const member = await county.scopeOf(phones.member);
    await county.db
      .update(notices)
      .set({ readAt: new Date() })
      .where(and(eq(notices.activityId, activity.id), eq(notices.userId, member.userId)));
    const before = await activityReach(county.db, county.secretary, activity.id);
    expect(before.canMark).toBe(true);
    // Without SMS keys the channel is off, and each row says why.
    expect(before.members.every((r) => r.sms?.status === "skipped" && r.sms.reason === "off")).toBe(true);
    expect(before.notReached.map((r) => r.memberId)).not.toContain(member.userId);
    expect(before.notReached.map((r) => r.memberId)).toContain(county.ownMemberId);

    await markPhoned(county.db, county.secretary, { activityId: activity.id, memberId: county.ownMemberId });
    const after = await activityReach(county.db, county.secretary, activity.id);
    expect(after.notReached.map((r) => r.memberId)).not.toContain(county.ownMemberId);
    expect(after.members.find((r) => r.memberId === county.ownMemberId)?.phoned?.by).toBeTruthy();
    const [entry] = await county.db.select().from(auditLog).where(eq(auditLog.action, "notice.phoned"));
    expect(entry).toMatchObject({ actorId: county.secretary.userId, targetId: String(activity.id) });

    // A second tap (or a second secretary at once) is a conflict, never a second record.
    await expect(
      markPhoned(county.db, county.secretary, { activityId: activity.id, memberId: county.ownMemberId }),
    ).rejects.toMatchObject({ code: "conflict", message: t.reach.alreadyPhoned });
    // Someone who is not expected there, or another branch's secretary, cannot mark.
    await expect(
      markPhoned(county.db, county.secretary, { activityId: activity.id, memberId: county.foreignMemberId }),
    ).rejects.toMatchObject({ code: "not_found" });
    const otherSecretary = await county.scopeOf("13800000011");
    await expect(
      markPhoned(county.db, otherSecretary, { activityId: activity.id, memberId: member.userId }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(activityReach(county.db, member, activity.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});
