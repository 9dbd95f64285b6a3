import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAudit } from "@/db/queries/audit";
import { exportPersonalData } from "@/db/queries/personal-data";
import { pruneAll, pruneAudit } from "@/db/queries/retention";
import { auditLog } from "@/db/schema/audit";
import { loginAttempts } from "@/db/schema/security";
import type { AuditAction } from "@/lib/messages/audit";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

describe("a member's own data", () => {
  it("holds their account, member record and audit trail, no secrets, nobody else's rows; the export is audited", async () => {
    const member = await county.scopeOf(phones.member);
    await county.db.insert(loginAttempts).values([
      { phone: phones.member, address: "10.0.0.1", succeeded: true },
      { phone: phones.secretary, address: "10.0.0.1", succeeded: false },
    ]);
    const data = await exportPersonalData(county.db, member);
    expect(data.account).toMatchObject({ id: member.userId, phone: phones.member });
    expect(data.account).not.toHaveProperty("passwordHash");
    expect(data.member).toEqual([expect.objectContaining({ userId: member.userId })]);
    expect(data.signInAttempts).toEqual([expect.objectContaining({ phone: phones.member })]);
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/\$argon2/);
    expect(json).not.toContain(phones.secretary);
    for (const key of [
      "checkins",
      "attendance",
      "dues",
      "leaveRequests",
      "notices",
      "volunteerHours",
      "communityReports",
      "auditEntries",
    ] as const) {
      for (const row of data[key] as Record<string, unknown>[]) {
        const owner = row.memberId ?? row.userId ?? row.actorId ?? Number(row.targetId);
        expect(owner, key).toBe(member.userId);
      }
    }
    const [entry] = await county.db.select().from(auditLog).where(eq(auditLog.action, "privacy.export"));
    expect(entry).toMatchObject({ actorId: member.userId, outcome: "ok" });
  });
});

describe("audit retention", () => {
  const aged = (days: number) => sql`now() - make_interval(days => ${days})`;

  it("prunes entries older than 180 days and never a younger one", async () => {
    for (const days of [400, 181, 179, 10]) {
      await county.db.insert(auditLog).values({ action: `test.aged_${days}`, outcome: "ok", at: aged(days) });
    }
    expect(await pruneAudit(county.db)).toBe(2);
    const left = (await county.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    expect(left).toEqual(expect.arrayContaining(["test.aged_179", "test.aged_10", "audit.prune"]));
    expect(left).not.toContain("test.aged_181");
    // Asking for less than 180 days still keeps 180.
    expect(await pruneAudit(county.db, { days: 30 })).toBe(0);
    expect(await pruneAudit(county.db, { days: 365 })).toBe(0);
  });

  it("the append-only trigger still refuses every update and any delete of a younger entry", async () => {
    await writeAudit(county.db, { actorId: null, action: "test.fresh" as AuditAction });
    await expect(
      county.db.update(auditLog).set({ action: "changed" }).where(eq(auditLog.action, "test.fresh")),
    ).rejects.toThrow();
    await expect(county.db.delete(auditLog).where(eq(auditLog.action, "test.fresh"))).rejects.toThrow();
    await county.db.insert(auditLog).values({ action: "test.old", outcome: "ok", at: aged(200) });
    await expect(
      county.db.update(auditLog).set({ action: "changed" }).where(eq(auditLog.action, "test.old")),
    ).rejects.toThrow();
  });

  it("the retention job also drops day-old sign-in attempts", async () => {
    await county.db.insert(loginAttempts).values({
      phone: "13500000001",
      address: "x",
      succeeded: false,
      createdAt: new Date(Date.now() - 2 * 86_400_000),
    });
    expect(await pruneAll(county.db)).toMatchObject({ loginAttempts: 1 });
  });
});

describe("phone numbers", () => {
  it("a secretary reveals their member's number, audited; not another branch's; a member not at all", async () => {
    const { revealPhone } = await import("@/db/queries/phone-reveal");
    const { getMember } = await import("@/db/queries/roster");
    expect((await getMember(county.db, county.secretary, county.ownMemberId)).phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const { phone } = await revealPhone(county.db, county.secretary, { userId: county.ownMemberId });
    expect(phone).toMatch(/^1\d{10}$/);
    const [entry] = await county.db.select().from(auditLog).where(eq(auditLog.action, "privacy.unmask_phone"));
    expect(entry).toMatchObject({ actorId: county.secretary.userId, targetId: String(county.ownMemberId) });
    await expect(revealPhone(county.db, county.secretary, { userId: county.foreignMemberId })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      revealPhone(county.db, await county.scopeOf(phones.member), { userId: county.ownMemberId }),
    ).rejects.toMatchObject({ code: "forbidden" });
    // A staff account (the grid worker has no member record) is revealed to the county that appointed them.
    const grid = await county.scopeOf(phones.gridWorker);
    expect(
      (await revealPhone(county.db, await county.scopeOf(phones.countyAdmin), { userId: grid.userId })).phone,
    ).toBe(phones.gridWorker);
  });

  it("the edit form's masked number means the number is kept", async () => {
    const { getMember, updateMember } = await import("@/db/queries/roster");
    const before = await getMember(county.db, county.secretary, county.ownMemberId);
    const { branchId: _b, branchName: _n, branchPath: _p, activated: _a, active: _x, userId, ...fields } = before;
    await updateMember(county.db, county.secretary, {
      ...fields,
      userId,
      name: "改过的名字",
      joinedOn: fields.joinedOn ?? undefined,
    });
    const { revealPhone } = await import("@/db/queries/phone-reveal");
    expect((await revealPhone(county.db, county.secretary, { userId })).phone).toMatch(/^1\d{10}$/);
    await expect(
      updateMember(county.db, county.secretary, { ...fields, userId, phone: "139****0000", joinedOn: undefined }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
