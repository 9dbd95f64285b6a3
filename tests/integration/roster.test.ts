import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, getMember, importMembers, listRoster, setMemberActive, updateMember } from "@/db/queries/roster";
import { auditLog } from "@/db/schema/audit";
import { members, users } from "@/db/schema/users";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

const newMember = {
  name: "测试党员",
  phone: "13999990001",
  gender: "female",
  category: "formal",
  presence: "home",
  employment: "in_office",
} as const;

async function snapshot() {
  const [u] = await county.db.select({ n: count() }).from(users);
  const [m] = await county.db.select({ n: count() }).from(members);
  const rows = await county.db.select().from(members).where(eq(members.userId, county.foreignMemberId));
  return { users: u.n, members: m.n, foreign: rows };
}

const refused = (p: Promise<unknown>) =>
  expect(p).rejects.toSatisfy((e) => e instanceof AppError && ["forbidden", "not_found"].includes(e.code));

describe("a secretary's roster", () => {
  it("lists the own branch with phones masked but for the secretary's own (whole numbers are revealed one at a time)", async () => {
    const { branch, members: rows } = await listRoster(county.db, county.secretary, { branchId: county.homeBranchId });
    expect(branch.id).toBe(county.homeBranchId);
    expect(rows.length).toBeGreaterThan(5);
    expect(
      rows.filter((r) => r.userId !== county.secretary.userId).every((r) => /^1\d{2}\*{4}\d{4}$/.test(r.phone)),
    ).toBe(true);
    expect(rows.find((r) => r.userId === county.secretary.userId)?.phone).toMatch(/^1\d{10}$/);
  });

  it("searches phones only by the digits the roster shows, so a masked number cannot be found out digit by digit", async () => {
    const s = county.secretary;
    const { userId } = await addMember(county.db, s, {
      ...newMember,
      name: "号码搜索",
      phone: "13912345678",
      branchId: county.homeBranchId,
    });
    const found = async (q: string) =>
      (await listRoster(county.db, s, { branchId: county.homeBranchId, q })).members.some((m) => m.userId === userId);
    for (const hidden of ["1234", "91234", "3912345", "12345678"]) expect(await found(hidden)).toBe(false);
    for (const shown of ["139", "5678", "139****5678", "13912345678"]) expect(await found(shown)).toBe(true);
    // A whole number is looked for by its masked form: a different middle finds the same member, and says nothing.
    expect(await found("13900005678")).toBe(true);
    expect(await found("13912340000")).toBe(false);
    await setMemberActive(county.db, s, { userId, active: false });
  });

  it("cannot read, change or deactivate another branch's members, and nothing changes", async () => {
    const before = await snapshot();
    const s = county.secretary;
    await refused(listRoster(county.db, s, { branchId: county.otherBranchId }));
    await refused(getMember(county.db, s, county.foreignMemberId));
    await refused(updateMember(county.db, s, { ...newMember, userId: county.foreignMemberId }));
    await refused(setMemberActive(county.db, s, { userId: county.foreignMemberId, active: false }));
    await refused(addMember(county.db, s, { ...newMember, branchId: county.otherBranchId }));
    await refused(importMembers(county.db, s, { branchId: county.otherBranchId, rows: [newMember] }));
    expect(await snapshot()).toEqual(before);
  });

  it("adds, edits and deactivates a member of the own branch, each audited", async () => {
    const s = county.secretary;
    const { userId } = await addMember(county.db, s, { ...newMember, branchId: county.homeBranchId });
    await updateMember(county.db, s, { ...newMember, userId, presence: "away" });
    await setMemberActive(county.db, s, { userId, active: false });
    const m = await getMember(county.db, s, userId);
    expect(m).toMatchObject({ presence: "away", active: false });
    const [user] = await county.db.select().from(users).where(eq(users.id, userId));
    expect(user.active).toBe(false);
    expect(user.sessionVersion).toBe(1);
    const actions = await county.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, String(userId)));
    expect(actions.map((a) => a.action)).toEqual(["roster.add", "roster.update", "roster.deactivate"]);
  });

  it("refuses a phone that another account has, writing nothing", async () => {
    const before = await snapshot();
    await expect(
      addMember(county.db, county.secretary, { ...newMember, phone: phones.member, branchId: county.homeBranchId }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: t.roster.phoneTaken,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("imports all rows or none", async () => {
    const before = await snapshot();
    const rows = [
      { ...newMember, phone: "13999990101" },
      { ...newMember, phone: phones.countyAdmin },
    ];
    await expect(
      importMembers(county.db, county.secretary, { branchId: county.homeBranchId, rows }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await snapshot()).toEqual(before);
    const ok = await importMembers(county.db, county.secretary, {
      branchId: county.homeBranchId,
      rows: [rows[0], { ...newMember, phone: "13999990102" }],
    });
    expect(ok.count).toBe(2);
  });
});

describe("who sees which phone", () => {
  it("keeps a member out of other records and shows them their own phone in full", async () => {
    const member = await county.scopeOf(phones.member);
    await refused(getMember(county.db, member, county.ownMemberId));
    expect((await getMember(county.db, member, member.userId)).phone).toBe(phones.member);
  });

  it("lets the committee admin read its branches but not change them", async () => {
    const admin = await county.scopeOf(phones.committeeAdmin);
    const { members: rows } = await listRoster(county.db, admin, { branchId: county.homeBranchId });
    expect(rows.length).toBeGreaterThan(0);
    await refused(setMemberActive(county.db, admin, { userId: county.ownMemberId, active: false }));
  });

  it("gives a grid worker no roster at all", async () => {
    await refused(listRoster(county.db, await county.scopeOf(phones.gridWorker), { branchId: county.homeBranchId }));
  });
});
