import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordPaperSheet } from "@/db/queries/paper-sheet";
import { type activities, attendance } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { checkins } from "@/db/schema/checkins";
import type { Scope } from "@/lib/scope";
import { paperSheetInput } from "@/lib/validation/checkins";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let activity: typeof activities.$inferSelect;
const startsAt = new Date(Date.now() + 4 * 86_400_000);
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  ({ activity } = await county.themeDay({ startsAt, durationMinutes: 90 }));
});
afterAll(() => county.close());

describe("paper sign-in sheet", () => {
  it("gathers the form's marks, leaving out members marked as not there", () => {
    const parsed = paperSheetInput.parse({ activityId: "7", "mark.3": "present", "mark.4": "", "mark.5": "late" });
    expect(parsed).toEqual({
      activityId: 7,
      entries: [
        { memberId: 3, outcome: "present" },
        { memberId: 5, outcome: "late" },
      ],
    });
    expect(paperSheetInput.safeParse({ activityId: "7", "mark.3": "" }).success).toBe(false);
    expect(paperSheetInput.safeParse({ activityId: "7", "mark.3": "absent" }).success).toBe(false);
  });

  it("is refused to a member and to another branch's secretary", async () => {
    const entries = [{ memberId: county.ownMemberId, outcome: "present" as const }];
    await expect(
      recordPaperSheet(county.db, member, { activityId: activity.id, entries }, at(30)),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      recordPaperSheet(county.db, await county.scopeOf("13800000013"), { activityId: activity.id, entries }, at(30)),
    ).rejects.toMatchObject({ code: "forbidden" });
    // Someone not on the roster: nothing is recorded for anyone on the sheet.
    await expect(
      recordPaperSheet(
        county.db,
        county.secretary,
        { activityId: activity.id, entries: [...entries, { memberId: county.foreignMemberId, outcome: "present" }] },
        at(30),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await county.db.select().from(checkins).where(eq(checkins.activityId, activity.id))).toHaveLength(0);
  });

  it("records each mark as a proxy check-in with the sheet's outcome, audited, exactly once", async () => {
    const entries = [
      { memberId: member.userId, outcome: "present" as const },
      { memberId: county.ownMemberId, outcome: "late" as const },
    ];
    // Typed in after the activity, when every live check-in would count as late: the sheet decides.
    expect(await recordPaperSheet(county.db, county.secretary, { activityId: activity.id, entries }, at(80))).toEqual({
      recorded: 2,
      already: 0,
    });
    expect(await recordPaperSheet(county.db, county.secretary, { activityId: activity.id, entries }, at(85))).toEqual({
      recorded: 0,
      already: 2,
    });

    const rows = await county.db.select().from(checkins).where(eq(checkins.activityId, activity.id));
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatchObject({ method: "proxy", proxyBy: county.secretary.userId, proxyReason: "纸质签到表录入" });
    const outcomes = await county.db
      .select({ memberId: attendance.memberId, outcome: attendance.outcome, source: attendance.source })
      .from(attendance)
      .where(eq(attendance.activityId, activity.id));
    expect(outcomes).toContainEqual({ memberId: member.userId, outcome: "present", source: "proxy" });
    expect(outcomes).toContainEqual({ memberId: county.ownMemberId, outcome: "late", source: "proxy" });

    const proxied = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "checkin.proxy"), eq(auditLog.actorId, county.secretary.userId)));
    expect(proxied).toHaveLength(2);
    const sheets = await county.db.select().from(auditLog).where(eq(auditLog.action, "checkin.paper_sheet"));
    expect(sheets.map((s) => s.detail)).toEqual([
      { recorded: 2, already: 0 },
      { recorded: 0, already: 2 },
    ]);
  });
});
