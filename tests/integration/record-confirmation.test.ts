import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmMyRecord, myRecord, unconfirmedMembers } from "@/db/queries/record-confirmation";
import { auditLog } from "@/db/schema/audit";
import { users } from "@/db/schema/users";
import type { Scope } from "@/lib/scope";
import { fromLocalInput } from "@/lib/time";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
let member: Scope;
const at = (local: string) => fromLocalInput(local);

beforeAll(async () => {
  county = await demoCounty();
  member = await county.scopeOf(phones.member);
});
afterAll(() => county.close());

const unconfirmedNames = async (scope: Scope, now: Date) =>
  (await unconfirmedMembers(county.db, scope, { branchId: county.homeBranchId }, now)).rows.map((r) => r.memberId);

describe("the member's yearly confirmation of their own record", () => {
  it("shows the member their record, takes the confirmation once, and audits it once", async () => {
    const now = at("2027-03-01T10:00");
    const record = await myRecord(county.db, member, now);
    const [me] = await county.db.select().from(users).where(eq(users.id, member.userId));
    expect(record).toMatchObject({ name: me.name, phone: me.phone, year: 2027, confirmedAt: null });
    expect(await unconfirmedNames(county.secretary, now)).toContain(member.userId);

    // A double tap, or the same request replayed: one confirmation, the first one's time.
    const [first, second] = await Promise.all([
      confirmMyRecord(county.db, member, now),
      confirmMyRecord(county.db, member, at("2027-03-01T10:01")),
    ]);
    expect(first.year).toBe(2027);
    expect(second.at.getTime()).toBe(first.at.getTime());
    expect((await myRecord(county.db, member, now)).confirmedAt?.getTime()).toBe(first.at.getTime());
    const audits = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "privacy.confirm_record"), eq(auditLog.actorId, member.userId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetId: String(member.userId), detail: { year: 2027 } });
    expect(await unconfirmedNames(county.secretary, now)).not.toContain(member.userId);
  });

  it("counts by the Shanghai calendar year: due again in the next one", async () => {
    // 2027-12-31 23:30 in Shanghai is still 2027, whatever UTC says; 2028 starts at Shanghai midnight.
    await confirmMyRecord(county.db, member, at("2027-12-31T23:30"));
    expect((await myRecord(county.db, member, at("2027-12-31T23:59"))).confirmedAt).not.toBeNull();
    expect((await myRecord(county.db, member, at("2028-01-01T00:00"))).confirmedAt).toBeNull();
    expect(await unconfirmedNames(county.secretary, at("2028-01-01T00:00"))).toContain(member.userId);
  });

  it("keeps people apart: the secretary confirms their own as a member, another branch's secretary sees nothing", async () => {
    const now = at("2027-05-01T09:00");
    // One person, two roles: the secretary is a member of the branch too, listed until they confirm.
    expect(await unconfirmedNames(county.secretary, now)).toContain(county.secretary.userId);
    await confirmMyRecord(county.db, county.secretary, now);
    expect(await unconfirmedNames(county.secretary, now)).not.toContain(county.secretary.userId);
    // The member's confirmation is theirs alone.
    expect((await myRecord(county.db, member, now)).confirmedAt).not.toBeNull();
    await expect(
      unconfirmedMembers(county.db, county.otherSecretary, { branchId: county.homeBranchId }, now),
    ).rejects.toMatchObject({ code: "forbidden" });
    // Someone with no member record (a county staff account) has no record to confirm.
    const [staff] = await county.db.insert(users).values({ name: "县委组织部干事", phone: "13800000097" }).returning();
    const nobody: Scope = { userId: staff.id, grants: [], member: null };
    await expect(confirmMyRecord(county.db, nobody, now)).rejects.toMatchObject({ code: "forbidden" });
    await expect(myRecord(county.db, nobody, now)).rejects.toMatchObject({ code: "forbidden" });
  });
});
