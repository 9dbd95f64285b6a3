import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileLeave } from "@/db/queries/leave";
import { leaveDetail } from "@/db/queries/leave-lists";
import { type activities, notices } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { leaveRequests } from "@/db/schema/leave";
import type { Scope } from "@/lib/scope";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
let activity: typeof activities.$inferSelect;
const startsAt = new Date(Date.now() + 5 * 86_400_000);

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
  ({ activity } = await county.themeDay({ title: "代请假测试", startsAt, durationMinutes: 90 }));
});
afterAll(() => county.close());

const request = (memberId: number) => ({
  clientId: randomUUID(),
  activityId: activity.id,
  memberId,
  type: "sick" as const,
  reason: "住院，本人无智能手机",
  late: true,
});

describe("leave filed by the secretary for a member without a phone", () => {
  it("is refused to a member, to another branch's secretary and for someone outside the branch", async () => {
    await expect(fileLeave(county.db, member, request(county.ownMemberId))).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      fileLeave(county.db, await county.scopeOf("13800000013"), request(member.userId)),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(fileLeave(county.db, county.secretary, request(county.foreignMemberId))).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await county.db.select().from(leaveRequests).where(eq(leaveRequests.activityId, activity.id))).toHaveLength(
      0,
    );
  });

  it("records the member's request as filed by the secretary, once, audited, and tells the member", async () => {
    const input = request(member.userId);
    const receipt = await fileLeave(county.db, county.secretary, input);
    // A second press of the same form gets the same answer and no second request.
    expect(await fileLeave(county.db, county.secretary, input)).toEqual(receipt);
    const rows = await county.db.select().from(leaveRequests).where(eq(leaveRequests.activityId, activity.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      memberId: member.userId,
      filedBy: county.secretary.userId,
      status: "pending",
      late: false,
    });

    const [audit] = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "leave.request_for"), eq(auditLog.targetId, String(receipt.id))));
    expect(audit).toMatchObject({
      actorId: county.secretary.userId,
      outcome: "ok",
      detail: expect.objectContaining({ memberId: member.userId }),
    });
    const told = await county.db
      .select()
      .from(notices)
      .where(and(eq(notices.userId, member.userId), eq(notices.kind, "leave")));
    expect(told.map((n) => n.title)).toContainEqual(expect.stringContaining("为您在「代请假测试」代请假"));

    // Both the member and the secretary see who filed it.
    const forMember = await leaveDetail(county.db, member, receipt.id);
    expect(forMember.row.filedByName).toBeTruthy();
    expect((await leaveDetail(county.db, county.secretary, receipt.id)).row.filedByName).toBe(
      forMember.row.filedByName,
    );
    // The member's own request has no such mark; and a second live request for the same member is refused.
    await expect(
      fileLeave(county.db, member, { ...request(member.userId), memberId: undefined }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
