import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/db/queries/audit";
import {
  answerFeedback,
  countyFeedback,
  countyFeedbackItem,
  feedbackByReceipt,
  myFeedback,
  sendFeedback,
  sendPublicFeedback,
  setFeedbackDays,
} from "@/db/queries/feedback";
import { exportPersonalData } from "@/db/queries/personal-data";
import { reservePublicAttempt } from "@/db/queries/public-attempts";
import { pruneAll } from "@/db/queries/retention";
import { auditLog } from "@/db/schema/audit";
import { feedback, publicAttempts } from "@/db/schema/feedback";
import { SEND_LIMIT } from "@/lib/feedback-throttle";
import { isUnder } from "@/lib/scope-paths";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

const day = 86_400_000;

async function branchPath() {
  return county.secretary.member!.branchPath;
}

describe("a complaint about a branch's secretary", () => {
  it("reaches the county and never the secretary's or the committee's scope", async () => {
    const member = await county.scopeOf(phones.member);
    const body = "支部书记要求每次活动必须上传现场照片，否则不算出勤。";
    const sent = await sendFeedback(county.db, member, {
      kind: "complaint",
      subject: "branch",
      branchId: county.homeBranchId,
      body,
      anonymous: true,
    });
    const secretary = county.secretary;
    const committee = await county.scopeOf(phones.committeeAdmin);
    for (const scope of [secretary, committee]) {
      await expect(countyFeedback(county.db, scope, { view: "open" })).rejects.toMatchObject({ code: "forbidden" });
      await expect(countyFeedbackItem(county.db, scope, { feedbackId: sent.id })).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(answerFeedback(county.db, scope, { feedbackId: sent.id, answer: "已处理" })).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(listAudit(county.db, scope)).rejects.toMatchObject({ code: "forbidden" });
      // Nothing the secretary can export or list of their own holds it.
      expect(JSON.stringify(await exportPersonalData(county.db, scope))).not.toContain(body);
      expect(await myFeedback(county.db, scope)).toEqual([]);
    }
    // The record and its audit entry sit at the county's node, which no grant of the branch's side reaches.
    const [row] = await county.db.select().from(feedback).where(eq(feedback.id, sent.id));
    expect(isUnder(row.path, await branchPath())).toBe(false);
    const entries = await county.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(sent.id)));
    expect(entries.filter((e) => e.targetType === "feedback").map((e) => e.nodePath)).toEqual([row.path]);
    // The sender reads their own; the county reads it with who sent it.
    expect((await myFeedback(county.db, member)).map((f) => f.id)).toContain(sent.id);
    const admin = await county.scopeOf(phones.countyAdmin);
    const inbox = await countyFeedback(county.db, admin, { view: "open" });
    expect(inbox.rows.find((f) => f.id === sent.id)).toMatchObject({
      anonymous: true,
      senderId: member.userId,
      body,
    });
  });

  it("anonymous: whoever holds the receipt sees status and answer, never the sender or their contact", async () => {
    const sent = await sendPublicFeedback(county.db, {
      kind: "suggestion",
      subject: "app",
      body: "希望能用纸质签到表。",
      anonymous: true,
      contact: "13912345678",
    });
    const found = await feedbackByReceipt(county.db, sent.receipt);
    expect(found).toMatchObject({ status: "open", body: "希望能用纸质签到表。" });
    expect(JSON.stringify(found)).not.toContain("13912345678");
    expect(found).not.toHaveProperty("senderId");
    expect(found).not.toHaveProperty("contact");
    expect(await feedbackByReceipt(county.db, "ZZZZZZZZZZZZ")).toBeNull();
    // The county can reach them: that is what the form says.
    const admin = await county.scopeOf(phones.countyAdmin);
    const item = await countyFeedbackItem(county.db, admin, { feedbackId: sent.id });
    expect(item).toMatchObject({ contact: "13912345678", senderId: null, anonymous: true });
  });
});

describe("deadlines", () => {
  it("the county sets the days; open items past them are overdue, a late answer stays marked", async () => {
    const admin = await county.scopeOf(phones.countyAdmin);
    const member = await county.scopeOf(phones.member);
    await setFeedbackDays(county.db, admin, { days: 3 });
    const sentAt = new Date("2026-12-01T02:00:00Z");
    const sent = await sendFeedback(
      county.db,
      member,
      { kind: "suggestion", subject: "app", body: "签到页字太小。", anonymous: false },
      sentAt,
    );
    expect(sent.dueAt.getTime()).toBe(sentAt.getTime() + 3 * day);
    const overdue = (at: Date) =>
      countyFeedback(county.db, admin, { view: "overdue" }, at).then((r) => r.rows.map((f) => f.id));
    expect(await overdue(new Date(sentAt.getTime() + 2 * day))).not.toContain(sent.id);
    expect(await overdue(new Date(sentAt.getTime() + 4 * day))).toContain(sent.id);
    const mine = await myFeedback(county.db, member, new Date(sentAt.getTime() + 4 * day));
    expect(mine.find((f) => f.id === sent.id)).toMatchObject({ overdue: true, status: "open" });

    const answeredAt = new Date(sentAt.getTime() + 5 * day);
    await answerFeedback(county.db, admin, { feedbackId: sent.id, answer: "已放大字号。" }, answeredAt);
    const after = (await myFeedback(county.db, member, answeredAt)).find((f) => f.id === sent.id);
    expect(after).toMatchObject({ status: "answered", answer: "已放大字号。", overdue: false, answeredLate: true });
    // Answered once: a second answer (another admin at the same time) loses.
    await expect(
      answerFeedback(county.db, admin, { feedbackId: sent.id, answer: "再答一次" }, answeredAt),
    ).rejects.toMatchObject({ code: "conflict" });
    const audit = await county.db.select().from(auditLog).where(eq(auditLog.action, "feedback.answer"));
    expect(audit.find((e) => e.targetId === String(sent.id))).toMatchObject({ actorId: admin.userId });
    await setFeedbackDays(county.db, admin, { days: 15 });
  });
});

describe("nothing is ever deleted", () => {
  it("the trigger refuses a delete, a rewrite, and a second answer", async () => {
    const member = await county.scopeOf(phones.member);
    const sent = await sendFeedback(county.db, member, {
      kind: "complaint",
      subject: "app",
      body: "原文",
      anonymous: false,
    });
    await expect(county.db.delete(feedback).where(eq(feedback.id, sent.id))).rejects.toThrow();
    await expect(county.db.update(feedback).set({ body: "改过" }).where(eq(feedback.id, sent.id))).rejects.toThrow();
    await expect(county.db.update(feedback).set({ anonymous: true }).where(eq(feedback.id, sent.id))).rejects.toThrow();
    const admin = await county.scopeOf(phones.countyAdmin);
    await answerFeedback(county.db, admin, { feedbackId: sent.id, answer: "收到" });
    await expect(
      county.db.update(feedback).set({ answer: "改答复" }).where(eq(feedback.id, sent.id)),
    ).rejects.toThrow();
    // The retention job leaves every one of them.
    const before = await county.db.select({ n: sql<number>`count(*)::int` }).from(feedback);
    await pruneAll(county.db, {}, new Date(Date.now() + 3650 * day));
    expect(await county.db.select({ n: sql<number>`count(*)::int` }).from(feedback)).toEqual(before);
  });
});

describe("the public throttle", () => {
  it("refuses the sixth send from one address in an hour, not another address's", async () => {
    const now = new Date();
    for (let i = 0; i < SEND_LIMIT; i++)
      await reservePublicAttempt(county.db, { kind: "feedback", address: "203.0.113.9" }, now);
    await expect(
      reservePublicAttempt(county.db, { kind: "feedback", address: "203.0.113.9" }, now),
    ).rejects.toMatchObject({ code: "rate_limited" });
    await expect(
      reservePublicAttempt(county.db, { kind: "feedback", address: "203.0.113.10" }, now),
    ).resolves.toBeGreaterThan(0);
    // A day later the retention job has dropped them.
    await pruneAll(county.db, {}, new Date(now.getTime() + 2 * day));
    expect(await county.db.select().from(publicAttempts)).toEqual([]);
  });
});
