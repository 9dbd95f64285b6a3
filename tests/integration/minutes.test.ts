import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { activityForSecretary, closeActivity, createMeeting, markStep, recordDues } from "@/db/queries/activity-run";
import { proxyCheckIn } from "@/db/queries/checkins";
import { decideLeave, fileLeave } from "@/db/queries/leave";
import {
  addAddendum,
  minutesAttachment,
  minutesFor,
  recordedFacts,
  saveMinutes,
  signMinutes,
} from "@/db/queries/minutes";
import { branchLedger, recordsOverview } from "@/db/queries/records";
import { loadSessionUser } from "@/db/queries/session";
import { yearReport } from "@/db/queries/year-report";
import { attendance } from "@/db/schema/activities";
import { auditLog } from "@/db/schema/audit";
import { minutes } from "@/db/schema/minutes";
import { t } from "@/lib/messages";
import { attendanceFigures } from "@/lib/minutes";
import type { Scope } from "@/lib/scope";
import { monthOf } from "@/lib/time";
import { demoCounty, phones } from "./county";
import { type Many, matrix } from "./endpoint-cases";
import { callEndpoint, discoverEndpoints } from "./endpoints";
import { type BranchObjects, png } from "./foreign-objects";

// Actions and routes take their caller from the session; here the test decides who is calling.
import { session } from "./session-stub";

vi.mock("@/lib/server/session", () => import("./session-stub"));
vi.mock("@/lib/server/session-token", () => import("./session-stub"));
vi.mock("next/cache", () => import("./next-cache-stub"));

let county: Awaited<ReturnType<typeof demoCounty>>;
let admin: Scope;
let activityId: number;
let otherActivityId: number;
let stepId: number;
/** On leave with a reason; proxied in on time; proxied in late; never came. */
let onLeave: Scope;
let present: Scope;
let late: Scope;
let absent: Scope;
let leaveId: number;
const startsAt = new Date(Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000);
const during = new Date(startsAt.getTime() + 20 * 60_000);
const year = Number(monthOf(startsAt).slice(0, 4));
const as = (scope: Scope) => {
  session.ctx = { db: county.db, scope };
};
const scopeOf = async (userId: number) => (await loadSessionUser(county.db, userId))!.scope;

beforeAll(async () => {
  county = await demoCounty();
  admin = await county.scopeOf(phones.countyAdmin);
  const day = await county.themeDay({ startsAt });
  activityId = day.activity.id;
  otherActivityId = day.of(county.otherBranchId).id;
  const { roster, steps } = await activityForSecretary(county.db, county.secretary, activityId, during);
  const others = roster.filter((r) => r.expected && r.memberId !== county.secretary.userId);
  [onLeave, present, late, absent] = await Promise.all(others.slice(0, 4).map((r) => scopeOf(r.memberId)));
  const receipt = await fileLeave(county.db, onLeave, {
    clientId: randomUUID(),
    activityId,
    type: "sick",
    reason: "住院治疗",
    late: false,
  });
  leaveId = receipt.id;
  await decideLeave(county.db, county.secretary, { leaveId, decision: "approve", comment: "" });
  const sec = county.secretary;
  await proxyCheckIn(county.db, sec, { activityId, memberId: present.userId, reason: "无智能手机" }, startsAt);
  await proxyCheckIn(county.db, sec, { activityId, memberId: late.userId, reason: "手机没电" }, during);
  stepId = steps[0].id;
  await markStep(
    county.db,
    sec,
    { stepId, done: true, note: "全体起立重温", photo: { mime: "image/png", bytes: png } },
    during,
  );
  for (const s of steps.slice(1)) await markStep(county.db, sec, { stepId: s.id, done: true }, during);
  await recordDues(
    county.db,
    sec,
    { activityId, memberId: present.userId, amount: 1250, note: "本月收入减少，按实缴纳" },
    during,
  );
  await recordDues(
    county.db,
    sec,
    { activityId, memberId: late.userId, amount: 800, note: "本月收入减少，按实缴纳" },
    during,
  );
  await closeActivity(county.db, sec, { activityId }, during);
}, 120_000);
afterAll(() => county.close());

/** The rows of the activity's own records, as text: equal before and after means none was touched. */
async function recordsOf(id: number) {
  const result = await county.db.execute(sql`select
    (select md5(a::text) from activities a where a.id = ${id}) as activity,
    (select md5(string_agg(x::text, ',' order by x.id)) from attendance x where x.activity_id = ${id}) as roster,
    (select md5(string_agg(s::text, ',' order by s.id)) from activity_steps s where s.activity_id = ${id}) as steps,
    (select md5(string_agg(d::text, ',' order by d.id)) from dues_entries d where d.activity_id = ${id}) as dues`);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)[0];
}

/** The paragraphs of a .docx part, as plain text. */
async function partText(bytes: ArrayBuffer | Uint8Array, part: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(part)!.async("string");
  return xml.split("</w:p>").map((p) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join("")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">"),
  );
}

describe("the minutes of a closed activity", () => {
  it("are filled from the recorded facts: time, place, everyone's outcome, leave reasons, the agenda, the dues", async () => {
    const { facts, minutes: row, candidates } = await minutesFor(county.db, county.secretary, activityId);
    const { activity, roster, steps } = await activityForSecretary(county.db, county.secretary, activityId);
    expect(row).toBeNull();
    expect(facts).toMatchObject({ title: activity.title, place: activity.place, type: "theme_day" });
    expect(new Date(facts.startsAt)).toEqual(activity.startsAt);
    const expected = roster.filter((r) => r.expected);
    expect(facts.expected).toBe(expected.length);
    const ids = (people: { memberId: number }[]) => people.map((p) => p.memberId).sort();
    const outcome = (o: string) =>
      expected
        .filter((r) => r.outcome === o)
        .map((r) => r.memberId)
        .sort();
    expect(ids(facts.present)).toEqual(outcome("present"));
    expect(ids(facts.present)).toEqual([present.userId, county.secretary.userId].sort());
    expect(ids(facts.late)).toEqual([late.userId]);
    expect(facts.leave).toEqual([
      expect.objectContaining({ memberId: onLeave.userId, leaveType: "sick", reason: "住院治疗" }),
    ]);
    expect(ids(facts.absent)).toEqual(outcome("absent"));
    expect(ids(facts.absent)).toContain(absent.userId);
    expect(facts.steps.map((s) => s.title)).toEqual(steps.map((s) => s.title));
    expect(facts.steps.every((s) => s.doneAt)).toBe(true);
    expect(facts.steps[0]).toMatchObject({ note: "全体起立重温", evidenceId: expect.any(Number) });
    expect(facts.dues).toMatchObject({ payers: 2, totalFen: 2050 });
    expect(ids(candidates)).toEqual([...ids(facts.present), late.userId].sort());
  });

  it("wait for the activity to close, and take a chair and minute-taker only from those who were there", async () => {
    const { activityId: upcoming } = await createMeeting(county.db, county.secretary, {
      branchId: county.homeBranchId,
      type: "party_lecture",
      title: "尚未召开的党课",
      startsAt: new Date(Date.now() + 86_400_000),
      durationMinutes: 60,
      links: [],
    });
    await expect(saveMinutes(county.db, county.secretary, { activityId: upcoming, version: 0 })).rejects.toMatchObject({
      code: "conflict",
      message: t.minutes.notClosed,
    });
    await expect(
      saveMinutes(county.db, county.secretary, { activityId, version: 0, chairId: absent.userId }),
    ).rejects.toMatchObject({ code: "bad_request", message: t.minutes.notOnRoster });
    await expect(
      saveMinutes(county.db, county.secretary, { activityId, version: 0, recorderId: county.foreignMemberId }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("keep the recorded facts out of reach: a save that sends them changes none of the activity's records", async () => {
    const before = await recordsOf(activityId);
    as(county.secretary);
    const { saveMinutesAction } = await import("@/app/(secretary)/branch/activities/minutes-actions");
    const answer = await saveMinutesAction(null, {
      activityId,
      version: 0,
      chairId: county.secretary.userId,
      recorderId: present.userId,
      discussion: "学习了党章第一章。",
      resolutions: "",
      // None of these is a field of the minutes: the schema drops them.
      title: "改过的标题",
      place: "改过的地点",
      startsAt: "2020-01-01T09:00",
      type: "party_lecture",
      outcome: "present",
      memberId: absent.userId,
      expected: 1,
      facts: { expected: 1 },
    } as never);
    expect(answer).toMatchObject({ ok: true, data: t.minutes.saved });
    expect(await recordsOf(activityId)).toEqual(before);
    const { facts, minutes: row } = await minutesFor(county.db, county.secretary, activityId);
    expect(row).toMatchObject({ version: 1, discussion: "学习了党章第一章。", facts: null });
    expect(facts.expected).toBeGreaterThan(1);
    expect(facts.absent.map((p) => p.memberId)).toContain(absent.userId);
  });

  it("give the second of two saves from the same version a conflict", async () => {
    const results = await Promise.allSettled([
      saveMinutes(county.db, county.secretary, {
        activityId,
        version: 1,
        chairId: county.secretary.userId,
        recorderId: present.userId,
        discussion: "甲",
      }),
      saveMinutes(county.db, admin, {
        activityId,
        version: 1,
        chairId: county.secretary.userId,
        recorderId: present.userId,
        discussion: "乙",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "conflict", message: t.minutes.stale },
    });
    await saveMinutes(county.db, county.secretary, {
      activityId,
      version: 2,
      chairId: county.secretary.userId,
      recorderId: present.userId,
      discussion: "学习了党章第一章，大家结合工作谈体会。\n王书记作总结。",
      resolutions: "下月开展志愿服务。",
      attachment: { mime: "image/png", bytes: png },
    });
  });

  it("are not shown to members before sign-off", async () => {
    await expect(minutesFor(county.db, present, activityId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("are signed off by the secretary and from then on cannot change, even when the records do", async () => {
    await expect(signMinutes(county.db, county.secretary, { activityId, version: 2 })).rejects.toMatchObject({
      code: "conflict",
      message: t.minutes.stale,
    });
    const live = await recordedFacts(county.db, (await minutesFor(county.db, county.secretary, activityId)).activity);
    await signMinutes(county.db, county.secretary, { activityId, version: 3 });
    const [row] = await county.db.select().from(minutes).where(eq(minutes.activityId, activityId));
    expect(row).toMatchObject({ signedBy: county.secretary.userId, facts: live });
    await expect(
      saveMinutes(county.db, county.secretary, { activityId, version: 3, discussion: "改写" }),
    ).rejects.toMatchObject({ code: "conflict", message: t.minutes.signed });
    await expect(signMinutes(county.db, county.secretary, { activityId, version: 3 })).rejects.toMatchObject({
      code: "conflict",
    });
    // A record settled later (a dispute upheld, say) does not rewrite what was signed.
    await county.db
      .update(attendance)
      .set({ outcome: "present" })
      .where(and(eq(attendance.activityId, activityId), eq(attendance.memberId, absent.userId)));
    const { facts } = await minutesFor(county.db, county.secretary, activityId);
    expect(facts).toEqual(live);
    await county.db
      .update(attendance)
      .set({ outcome: "absent" })
      .where(and(eq(attendance.activityId, activityId), eq(attendance.memberId, absent.userId)));
  });

  it("are left as signed by every action and route of the app", async () => {
    const [signed] = await county.db.select().from(minutes).where(eq(minutes.activityId, activityId));
    const { roster } = await activityForSecretary(county.db, county.secretary, activityId);
    const objects = {
      branchId: county.homeBranchId,
      activityId,
      stepId,
      memberId: absent.userId,
      leaveId,
      uploadId: signed.facts!.steps[0].evidenceId,
      checkinId: roster.find((r) => r.memberId === present.userId)!.checkinId,
    } as unknown as BranchObjects;
    let called = 0;
    for (const endpoint of discoverEndpoints()) {
      const rule = matrix[endpoint.key];
      if (!rule || !("branch" in rule) || !rule.branch) continue;
      for (const who of [county.secretary, admin]) {
        as(who);
        const inputs = await (rule.branch(objects, county as never) as Many);
        for (const input of [inputs].flat()) {
          await callEndpoint(endpoint, input);
          called += 1;
        }
      }
    }
    expect(called).toBeGreaterThan(30);
    const [after] = await county.db.select().from(minutes).where(eq(minutes.activityId, activityId));
    expect(after).toEqual(signed);
  }, 240_000);

  it("take corrections as addenda, with who and when, audited", async () => {
    const before = await recordsOf(activityId);
    await expect(addAddendum(county.db, present, { activityId, body: "我来补充" })).rejects.toMatchObject({
      code: "forbidden",
    });
    const at = new Date();
    const { addendumId } = await addAddendum(
      county.db,
      county.secretary,
      { activityId, body: "决议第一条时间改为下月十日。" },
      at,
    );
    const { addenda, minutes: row } = await minutesFor(county.db, county.secretary, activityId);
    // The sweep above added its own two (as the secretary and the county admin): addenda are all kept, in order.
    expect(addenda.map((a) => a.id)).toEqual([...addenda.map((a) => a.id)].sort((a, b) => a - b));
    expect(addenda.at(-1)).toEqual({
      id: addendumId,
      body: "决议第一条时间改为下月十日。",
      at,
      by: expect.any(String),
    });
    expect(row?.resolutions).toBe("下月开展志愿服务。");
    const entries = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "minutes.addendum"), eq(auditLog.targetId, String(row!.id))));
    const entry = entries.find((e) => e.detail?.addendumId === addendumId)!;
    expect(entry).toMatchObject({ actorId: county.secretary.userId, outcome: "ok" });
    expect(entry.detail).toMatchObject({ activityId, addendumId, body: "决议第一条时间改为下月十日。" });
    expect(await recordsOf(activityId)).toEqual(before);
  });

  it("are read by the members who were there, and by nobody else of the branch", async () => {
    await expect(minutesFor(county.db, present, activityId)).resolves.toMatchObject({
      minutes: { signedAt: expect.any(Date) },
    });
    await expect(minutesFor(county.db, late, activityId)).resolves.toBeTruthy();
    await expect(minutesFor(county.db, absent, activityId)).rejects.toMatchObject({ code: "not_found" });
    await expect(minutesFor(county.db, onLeave, activityId)).rejects.toMatchObject({ code: "not_found" });
    await expect(minutesFor(county.db, await scopeOf(county.foreignMemberId), activityId)).rejects.toMatchObject({
      code: "forbidden",
    });
    const { attachments } = await minutesFor(county.db, present, activityId);
    expect(attachments).toHaveLength(1);
    await expect(minutesAttachment(county.db, present, attachments[0].id)).resolves.toMatchObject({
      mime: "image/png",
    });
    await expect(minutesAttachment(county.db, absent, attachments[0].id)).rejects.toMatchObject({ code: "not_found" });
    const otherSecretary = (await county.db.execute(
      sql`select user_id from role_grants where role = 'secretary' and node_id = ${county.otherBranchId}`,
    )) as unknown;
    const rows = Array.isArray(otherSecretary)
      ? otherSecretary
      : (otherSecretary as { rows: { user_id: number }[] }).rows;
    await expect(minutesAttachment(county.db, await scopeOf(rows[0].user_id), attachments[0].id)).rejects.toMatchObject(
      {
        code: "forbidden",
      },
    );
  });
});

describe("the Word files", () => {
  it("one activity's minutes: the figures, names and reasons of the screen, fonts for Windows and WPS, header and page numbers", async () => {
    as(present);
    const route = await import("@/app/api/v1/activities/[activityId]/minutes/route");
    const response = await route.GET(new Request(`http://localhost:3000/api/v1/activities/${activityId}/minutes`), {
      params: Promise.resolve({ activityId: String(activityId) }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("wordprocessingml");
    const bytes = await response.arrayBuffer();
    const { record } = await minutesFor(county.db, present, activityId);
    const text = await partText(bytes, "word/document.xml");
    const all = text.join("\n");
    expect(text).toContain(t.minutes.figures(attendanceFigures(record.facts)));
    for (const p of [...record.facts.present, ...record.facts.absent]) expect(all).toContain(p.name);
    expect(all).toContain(`${record.facts.leave[0].name}（${t.minutes.leaveReason(t.leave.types.sick, "住院治疗")}）`);
    expect(text).toContain(t.minutes.duesSummary(2, "20.50"));
    expect(all).toContain(record.chairName!);
    expect(text).toContain("决议第一条时间改为下月十日。");
    expect(all).toContain(t.minutes.signature);
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toMatch(/w:eastAsia="SimSun"/);
    expect(styles).toMatch(/w:eastAsia="SimHei"/);
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    const headerText = (await Promise.all(headers.map((h) => partText(bytes, h)))).flat();
    expect(headerText).toContain(t.minutes.header(record.facts.branchName, year));
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footer = (await Promise.all(footers.map((f) => zip.file(f)!.async("string")))).join("");
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it("the branch's yearly 台账: contents, the attendance summary and every closed activity of the year in order", async () => {
    as(county.secretary);
    const route = await import("@/app/api/v1/branches/[branchId]/ledger/route");
    const response = await route.GET(
      new Request(`http://localhost:3000/api/v1/branches/${county.homeBranchId}/ledger?year=${year}`),
      { params: Promise.resolve({ branchId: String(county.homeBranchId) }) },
    );
    expect(response.status).toBe(200);
    const text = await partText(await response.arrayBuffer(), "word/document.xml");
    const ledger = await branchLedger(county.db, county.secretary, county.homeBranchId, year);
    expect(ledger.entries.map((e) => e.facts.startsAt)).toEqual(ledger.entries.map((e) => e.facts.startsAt).sort());
    const ours = ledger.entries.findIndex((e) => e.activityId === activityId);
    expect(ours).toBeGreaterThanOrEqual(0);
    expect(text).toContain(t.minutes.ledgerTitle(ledger.branch.name, year));
    expect(text).toContain(t.minutes.contents);
    expect(text).toContain(t.minutes.ledgerSummary);
    // Each activity's summary row: the number, then its expected, attended, leave and absent, and the status.
    const joined = text.join("|");
    for (const [i, e] of ledger.entries.entries()) {
      const f = attendanceFigures(e.facts);
      expect(joined).toContain(
        [
          e.facts.title,
          f.expected,
          f.attended,
          f.leave,
          f.absent,
          e.signedAt ? t.minutes.signedTag : t.minutes.missingTag,
        ].join("|"),
      );
      expect(text).toContain(t.minutes.figures(f));
      expect(joined).toContain(`${i + 1}|`);
    }
    expect(ledger.entries[ours].signedAt).toBeInstanceOf(Date);
  });
});

describe("the county's records view", () => {
  it("counts each branch's activities held and minutes signed, and marks the branch whose minutes are missing", async () => {
    const other = await activityForSecretary(county.db, admin, otherActivityId, during);
    for (const s of other.steps) await markStep(county.db, admin, { stepId: s.id, done: true }, during);
    await closeActivity(county.db, admin, { activityId: otherActivityId }, during);
    const rows = await recordsOverview(county.db, admin, { month: monthOf(startsAt) });
    const home = rows.find((r) => r.branchId === county.homeBranchId)!;
    expect(home.missing.map((m) => m.activityId)).not.toContain(activityId);
    expect(home.signed).toBeGreaterThanOrEqual(1);
    const theirs = rows.find((r) => r.branchId === county.otherBranchId)!;
    expect(theirs.missing.map((m) => m.activityId)).toContain(otherActivityId);
    expect(theirs.deviation).toBe(true);
    expect(rows.filter((r) => r.held === 0).every((r) => r.deviation)).toBe(true);
    const yearly = await recordsOverview(county.db, admin, { year });
    expect(yearly.find((r) => r.branchId === county.otherBranchId)!.held).toBeGreaterThanOrEqual(theirs.held);
    // 组织生活会 and 民主评议 are yearly: over a year a branch that held neither is flagged, never over a month.
    const homeYear = yearly.find((r) => r.branchId === county.homeBranchId)!;
    expect(homeYear).toMatchObject({ orgLife: 0, reviews: 0, deviation: true });
    expect(home).toMatchObject({ orgLife: 0, reviews: 0 });
    expect(home.deviation).toBe(home.held === 0 || home.missing.length > 0);
    await expect(recordsOverview(county.db, county.secretary, { year })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the member's yearly report", () => {
  it("counts the activities, leave, make-up, points by source and hours from the records", async () => {
    const report = await yearReport(county.db, present, { memberId: present.userId, year });
    const ours = report.activities.find((a) => a.activityId === activityId);
    expect(ours).toMatchObject({ outcome: "present" });
    expect(report.figures.expected).toBe(report.activities.length);
    expect(report.figures.attended).toBe(
      report.activities.filter((a) => a.outcome === "present" || a.outcome === "late").length,
    );
    expect(report.points.find((p) => p.ruleCode === "theme_day_present")?.points).toBeGreaterThan(0);
    expect(report.pointsTotal).toBeCloseTo(
      report.points.reduce((s, p) => s + p.points, 0),
      1,
    );
    const leave = await yearReport(county.db, onLeave, { memberId: onLeave.userId, year });
    expect(leave.activities.find((a) => a.activityId === activityId)).toMatchObject({ outcome: "leave" });
    expect(leave.makeup.done + leave.makeup.open).toBeGreaterThanOrEqual(1);
    await expect(yearReport(county.db, present, { memberId: late.userId, year })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(yearReport(county.db, county.secretary, { memberId: late.userId, year })).resolves.toBeTruthy();
  });
});
