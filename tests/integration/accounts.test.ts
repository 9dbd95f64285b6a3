import { and, eq, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateAccount,
  changePassword,
  endSessions,
  issueActivationCode,
  mayResetAccount,
} from "@/db/queries/accounts";
import { grantRole } from "@/db/queries/org";
import { getMember, setMemberActive, updateMember } from "@/db/queries/roster";
import { orgNodes } from "@/db/schema/org";
import { activationCodes, members, users } from "@/db/schema/users";
import { t } from "@/lib/messages";
import { verifyPassword } from "@/lib/password";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

const userRow = async (id: number) => (await county.db.select().from(users).where(eq(users.id, id)))[0];

describe("activation", () => {
  it("a code from the secretary lets the member set a password, once", async () => {
    const target = await userRow(county.ownMemberId);
    const { code, expiresAt } = await issueActivationCode(county.db, county.secretary, { userId: target.id });
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    await activateAccount(county.db, { phone: target.phone, code, password: "新的密码12345" });
    expect(await verifyPassword((await userRow(target.id)).passwordHash, "新的密码12345")).toBe(true);

    await expect(
      activateAccount(county.db, { phone: target.phone, code, password: "another-pass" }),
    ).rejects.toMatchObject({ message: t.auth.codeUsed });
    expect(await verifyPassword((await userRow(target.id)).passwordHash, "新的密码12345")).toBe(true);
  });

  it("refuses an expired code, a wrong code and an unknown phone alike, changing nothing", async () => {
    const target = await userRow(county.ownMemberId);
    const before = target.passwordHash;
    const { code } = await issueActivationCode(county.db, county.secretary, { userId: target.id });
    const later = new Date(Date.now() + 8 * 86_400_000);
    await expect(
      activateAccount(county.db, { phone: target.phone, code, password: "whatever12" }, later),
    ).rejects.toMatchObject({ message: t.auth.codeExpired });
    await expect(
      activateAccount(county.db, { phone: target.phone, code: "WRONG234", password: "whatever12" }),
    ).rejects.toMatchObject({ message: t.auth.codeInvalid });
    await expect(
      activateAccount(county.db, { phone: "13711112222", code, password: "whatever12" }),
    ).rejects.toMatchObject({ message: t.auth.codeInvalid });
    expect((await userRow(target.id)).passwordHash).toBe(before);
  });

  it("a new code makes the previous one stop working", async () => {
    const target = await userRow(county.ownMemberId);
    const first = await issueActivationCode(county.db, county.secretary, { userId: target.id });
    await issueActivationCode(county.db, county.secretary, { userId: target.id });
    await expect(
      activateAccount(county.db, { phone: target.phone, code: first.code, password: "whatever12" }),
    ).rejects.toMatchObject({ message: t.auth.codeExpired });
  });

  it("a secretary cannot issue codes for another branch", async () => {
    await expect(
      issueActivationCode(county.db, county.secretary, { userId: county.foreignMemberId }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("an account holding a role above the secretary", () => {
  it("is refused to the branch's secretary on every path that hands it over, and left to the county", async () => {
    const admin = await county.scopeOf(phones.countyAdmin);
    const [demoMember, ownMember] = [await county.scopeOf(phones.member), county.ownMemberId];
    const [target] = await county.db
      .select({ id: users.id, phone: users.phone })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(
        and(
          eq(members.branchId, county.homeBranchId),
          notInArray(members.userId, [county.secretary.userId, demoMember.userId, ownMember]),
        ),
      )
      .orderBy(members.userId)
      .limit(1);
    const [branch] = await county.db
      .select({ parentId: orgNodes.parentId })
      .from(orgNodes)
      .where(eq(orgNodes.id, county.homeBranchId));
    for (const [role, nodeId] of [
      ["committee_admin", branch.parentId!],
      ["county_admin", admin.grants[0].nodeId],
    ] as const) {
      await grantRole(county.db, admin, { nodeId, role, phone: target.phone });
    }
    const codesBefore = (await county.db.select().from(activationCodes).where(eq(activationCodes.userId, target.id)))
      .length;

    await expect(issueActivationCode(county.db, county.secretary, { userId: target.id })).rejects.toMatchObject({
      code: "forbidden",
      message: t.security.accountAboveYou,
    });
    await expect(endSessions(county.db, county.secretary, { userId: target.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      setMemberActive(county.db, county.secretary, { userId: target.id, active: false }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const shown = await getMember(county.db, county.secretary, target.id);
    const fields = {
      name: shown.name,
      gender: shown.gender,
      category: shown.category,
      presence: shown.presence,
      employment: shown.employment,
      joinedOn: shown.joinedOn ?? undefined,
    };
    await expect(
      updateMember(county.db, county.secretary, { ...fields, userId: target.id, phone: "13912340000" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    // The rest of the roster entry stays the secretary's to keep.
    await updateMember(county.db, county.secretary, {
      ...fields,
      userId: target.id,
      phone: shown.phone,
      presence: "away",
    });
    expect(await mayResetAccount(county.db, county.secretary, target.id)).toBe(false);

    const after = await userRow(target.id);
    expect(after).toMatchObject({ phone: target.phone, active: true });
    expect((await county.db.select().from(activationCodes).where(eq(activationCodes.userId, target.id))).length).toBe(
      codesBefore,
    );

    expect(await mayResetAccount(county.db, admin, target.id)).toBe(true);
    const { code } = await issueActivationCode(county.db, admin, { userId: target.id });
    await activateAccount(county.db, { phone: target.phone, code, password: "county-chosen-1" });
    expect(await verifyPassword((await userRow(target.id)).passwordHash, "county-chosen-1")).toBe(true);
  });

  it("a secretary cannot issue a code for a fellow secretary of the branch either", async () => {
    expect(await mayResetAccount(county.db, county.secretary, county.secretary.userId)).toBe(false);
    await expect(
      issueActivationCode(county.db, county.secretary, { userId: county.secretary.userId }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("password change", () => {
  it("needs the current password and ends the other sessions", async () => {
    const member = await county.scopeOf(phones.member);
    await expect(
      changePassword(county.db, member, { current: "wrong-one", password: "brand-new-pass" }),
    ).rejects.toMatchObject({ message: t.auth.wrongCurrentPassword });
    const before = await userRow(member.userId);
    await changePassword(county.db, member, { current: "demo1234", password: "brand-new-pass" });
    const after = await userRow(member.userId);
    expect(await verifyPassword(after.passwordHash, "brand-new-pass")).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });
});
