import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportPersonalData } from "@/db/queries/personal-data";
import {
  acknowledgedVersion,
  acknowledgePrivacy,
  branchCorrections,
  myCorrections,
  requestCorrection,
  settleCorrection,
} from "@/db/queries/privacy";
import { findUserByPhone, loadSessionUser } from "@/db/queries/session";
import { auditLog } from "@/db/schema/audit";
import { privacyAcknowledgements } from "@/db/schema/privacy";
import { roleGrants } from "@/db/schema/users";
import { PRIVACY_VERSION } from "@/lib/privacy";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

describe("privacy notice acknowledgements", () => {
  it("are recorded per version: a new version asks again, an old page cannot acknowledge it", async () => {
    const member = await county.scopeOf(phones.member);
    const someone = { ...member, userId: county.ownMemberId };
    expect(await acknowledgedVersion(county.db, someone.userId)).toBe(0);
    await acknowledgePrivacy(county.db, someone, { version: 1 }, 1);
    expect(await acknowledgedVersion(county.db, someone.userId)).toBe(1);
    // Again for the same version: no second record, no second audit entry.
    await acknowledgePrivacy(county.db, someone, { version: 1 }, 1);
    const audited = async () =>
      (await county.db.select().from(auditLog).where(eq(auditLog.action, "privacy.acknowledge"))).filter(
        (e) => e.actorId === someone.userId,
      );
    expect(await audited()).toHaveLength(1);
    // Version 2 is published: version 1 no longer satisfies it, and a page still showing 1 is refused.
    expect((await acknowledgedVersion(county.db, someone.userId)) < 2).toBe(true);
    await expect(acknowledgePrivacy(county.db, someone, { version: 1 }, 2)).rejects.toMatchObject({
      code: "conflict",
    });
    await acknowledgePrivacy(county.db, someone, { version: 2 }, 2);
    expect(await acknowledgedVersion(county.db, someone.userId)).toBe(2);
    expect((await audited()).map((e) => e.detail)).toEqual([{ version: 1 }, { version: 2 }]);
    // Kept as records: never changed, never deleted.
    await expect(
      county.db.delete(privacyAcknowledgements).where(eq(privacyAcknowledgements.userId, someone.userId)),
    ).rejects.toThrow();
    await expect(
      county.db
        .update(privacyAcknowledgements)
        .set({ version: 9 })
        .where(eq(privacyAcknowledgements.userId, someone.userId)),
    ).rejects.toThrow();
    expect((await exportPersonalData(county.db, someone)).privacyAcknowledgements).toHaveLength(2);
  });

  it("the session carries the version acknowledged (the proxy's gate reads it); the demo accounts have read this one", async () => {
    const user = await findUserByPhone(county.db, phones.secretary);
    expect((await loadSessionUser(county.db, user!.id))!.privacyVersion).toBe(PRIVACY_VERSION);
    const fresh = await loadSessionUser(county.db, county.foreignMemberId);
    expect(fresh!.privacyVersion).toBe(0);
  });
});

describe("correction requests", () => {
  it("go to the member's own secretary, who settles them once; another branch's secretary cannot", async () => {
    const member = await county.scopeOf(phones.member);
    const { id } = await requestCorrection(county.db, member, { body: "入党日期应为 2010-07-01。" });
    const open = await branchCorrections(county.db, county.secretary, { branchId: county.homeBranchId });
    expect(open.map((c) => c.id)).toContain(id);
    const otherSecretary = (await loadSessionUser(county.db, await otherSecretaryId()))!.scope;
    await expect(branchCorrections(county.db, otherSecretary, { branchId: county.homeBranchId })).rejects.toMatchObject(
      { code: "forbidden" },
    );
    await expect(settleCorrection(county.db, otherSecretary, { correctionId: id, note: "改了" })).rejects.toMatchObject(
      { code: "not_found" },
    );
    await settleCorrection(county.db, county.secretary, { correctionId: id, note: "已更正入党日期。" });
    await expect(
      settleCorrection(county.db, county.secretary, { correctionId: id, note: "再改" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect((await myCorrections(county.db, member)).find((c) => c.id === id)).toMatchObject({
      status: "done",
      note: "已更正入党日期。",
    });
    // A secretary's request about their own record is the county's to settle.
    const own = await requestCorrection(county.db, county.secretary, { body: "性别填错了。" });
    await expect(
      settleCorrection(county.db, county.secretary, { correctionId: own.id, note: "自己改" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await settleCorrection(county.db, await county.scopeOf(phones.countyAdmin), { correctionId: own.id, note: "已改" });
  });
});

async function otherSecretaryId(): Promise<number> {
  const [grant] = await county.db.select().from(roleGrants).where(eq(roleGrants.nodeId, county.otherBranchId));
  return grant.userId;
}
