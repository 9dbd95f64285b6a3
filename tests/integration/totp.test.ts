import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/db/queries/session";
import { confirmEnrolment, disableTotp, renewRecoveryCodes, startEnrolment, totpStatus } from "@/db/queries/totp";
import { auditLog } from "@/db/schema/audit";
import { totpRecoveryCodes } from "@/db/schema/security";
import { roleGrants } from "@/db/schema/users";
import { t } from "@/lib/messages";
import { signInWithPassword } from "@/lib/server/sign-in";
import { totpCode } from "@/lib/totp";
import { demoCounty, phones } from "./county";

let county: Awaited<ReturnType<typeof demoCounty>>;
beforeAll(async () => {
  county = await demoCounty();
});
afterAll(() => county.close());

const password = "demo1234";
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
// A step boundary, so that "the next code" is always the next step.
const start = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 5_000);

async function enrol(phone: string, now = start) {
  const scope = await county.scopeOf(phone);
  const { secret, uri } = await startEnrolment(county.db, scope);
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const { recoveryCodes } = await confirmEnrolment(county.db, scope, { code: await totpCode(secret, now) }, now);
  return { scope, secret, recoveryCodes };
}

describe("second factor", () => {
  it("enrols a county admin with a QR secret and a first code; keeps only hashes of ten one-time recovery codes", async () => {
    const scope = await county.scopeOf(phones.countyAdmin);
    const { secret } = await startEnrolment(county.db, scope);
    await expect(confirmEnrolment(county.db, scope, { code: "000000" }, start)).rejects.toMatchObject({
      code: "bad_request",
      message: t.totp.wrongCode,
    });
    const { recoveryCodes } = await confirmEnrolment(county.db, scope, { code: await totpCode(secret, start) }, start);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await county.db.select().from(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, scope.userId));
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.codeHash))).toBe(true);
    await expect(startEnrolment(county.db, scope)).rejects.toMatchObject({ code: "conflict" });
    expect(await totpStatus(county.db, scope)).toMatchObject({ enrolled: true, required: true, recoveryLeft: 10 });
    const audits = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, scope.userId), eq(auditLog.action, "totp.enrol")));
    expect(audits).toHaveLength(1);
  });

  it("asks for the code after the right password, takes each app code once and each recovery code once, and audits which was used", async () => {
    const { secret, recoveryCodes, scope } = await enrol(phones.committeeAdmin);
    const attempt = (otp: string | undefined, now: Date) =>
      signInWithPassword(county.db, { phone: phones.committeeAdmin, password, otp, address: "10.0.0.1" }, now);

    await expect(attempt(undefined, at(start, 30))).rejects.toMatchObject({
      code: "unauthenticated",
      message: t.totp.codeNeeded,
    });
    const code = await totpCode(secret, at(start, 30));
    expect(await attempt(code, at(start, 30))).toMatchObject({ id: scope.userId });
    await expect(attempt(code, at(start, 31)), "the same code again").rejects.toMatchObject({
      message: t.totp.signInWrongCode,
    });
    const wrong = (await totpCode(secret, at(start, 60))) === "123456" ? "654321" : "123456";
    await expect(attempt(wrong, at(start, 60))).rejects.toMatchObject({ message: t.totp.signInWrongCode });

    expect(await attempt(recoveryCodes[0].toLowerCase().replace(/-/g, " "), at(start, 90))).toMatchObject({
      id: scope.userId,
    });
    await expect(attempt(recoveryCodes[0], at(start, 91))).rejects.toMatchObject({ message: t.totp.signInWrongCode });
    // A wrong password with a right code is still a wrong password.
    await expect(
      signInWithPassword(
        county.db,
        {
          phone: phones.committeeAdmin,
          password: "wrong-one",
          otp: await totpCode(secret, at(start, 120)),
          address: "10.0.0.1",
        },
        at(start, 120),
      ),
    ).rejects.toMatchObject({ message: t.auth.wrongCredentials });

    const signIns = await county.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, scope.userId), eq(auditLog.action, "auth.sign_in"), eq(auditLog.outcome, "ok")));
    expect(signIns.map((a) => (a.detail as { factor?: string })?.factor)).toEqual(["totp", "recovery"]);
    expect(
      await county.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, scope.userId), eq(auditLog.action, "totp.recovery_used"))),
    ).toHaveLength(1);
  });

  it("counts wrong codes as failed sign-ins: guessing codes meets the account lock", async () => {
    const { secret } = await enrol("13800000013");
    const guess = (i: number) =>
      signInWithPassword(
        county.db,
        { phone: "13800000013", password, otp: String(100000 + i), address: `10.0.1.${i}` },
        at(start, 200 + i),
      );
    for (let i = 0; i < 4; i++)
      await expect(guess(i)).rejects.toMatchObject({ code: "unauthenticated", message: t.totp.signInWrongCode });
    await expect(guess(4)).rejects.toMatchObject({ code: "rate_limited" });
    const right = signInWithPassword(
      county.db,
      { phone: "13800000013", password, otp: await totpCode(secret, at(start, 210)), address: "10.0.1.99" },
      at(start, 210),
    );
    await expect(right).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("is optional for a secretary, who may turn it off with a code; an admin may not; a member cannot enrol", async () => {
    const { scope, secret } = await enrol(phones.secretary);
    expect(await totpStatus(county.db, scope)).toMatchObject({ enrolled: true, required: false, available: true });
    const renewed = await renewRecoveryCodes(
      county.db,
      scope,
      { code: await totpCode(secret, at(start, 30)) },
      at(start, 30),
    );
    expect(renewed.recoveryCodes).toHaveLength(10);
    await expect(
      disableTotp(county.db, scope, { code: await totpCode(secret, at(start, 30)) }, at(start, 31)),
    ).rejects.toMatchObject({ code: "bad_request" });
    await disableTotp(county.db, scope, { code: await totpCode(secret, at(start, 60)) }, at(start, 60));
    expect(
      await signInWithPassword(county.db, { phone: phones.secretary, password, address: "10.0.2.1" }),
    ).toMatchObject({ id: scope.userId });

    const admin = await county.scopeOf(phones.countyAdmin);
    await expect(disableTotp(county.db, admin, { code: "123456" })).rejects.toMatchObject({
      code: "forbidden",
      message: t.totp.requiredForAdmins,
    });
    await expect(startEnrolment(county.db, await county.scopeOf(phones.member))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("withholds an admin's admin grants two weeks after appointment until a second factor is enrolled", async () => {
    // Another branch's secretary, appointed committee admin 15 days ago and never enrolled.
    const scope = await county.scopeOf("13800000014");
    const committee = (await county.scopeOf(phones.committeeAdmin)).grants.find((g) => g.role === "committee_admin")!;
    await county.db.insert(roleGrants).values({
      userId: scope.userId,
      role: "committee_admin",
      nodeId: committee.nodeId,
      createdAt: new Date(Date.now() - 15 * 86_400_000),
    });
    const withheld = (await loadSessionUser(county.db, scope.userId))!.scope;
    expect(withheld.mustEnrol).toBe(true);
    expect(withheld.grants.map((g) => g.role)).toEqual(["secretary"]);

    const { secret } = await startEnrolment(county.db, withheld);
    await confirmEnrolment(county.db, withheld, { code: await totpCode(secret) });
    const restored = (await loadSessionUser(county.db, scope.userId))!.scope;
    expect(restored.mustEnrol).toBeUndefined();
    expect(restored.grants.map((g) => g.role).sort()).toEqual(["committee_admin", "secretary"]);

    // Inside the two weeks nothing is withheld: the demo admins sign in with a password only.
    expect((await county.scopeOf(phones.countyAdmin)).grants.map((g) => g.role)).toContain("county_admin");
  });
});
