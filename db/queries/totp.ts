import { and, eq, inArray, isNotNull, isNull, lt, min, or } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import type { Grant, Scope } from "@/lib/scope";
import { grantsOf } from "@/lib/scope-paths";
import {
  ENROL_GRACE_MS,
  hashRecoveryCode,
  isAppCode,
  mayUseTotp,
  newRecoveryCodes,
  newTotpSecret,
  requiresTotp,
  TOTP_REQUIRED_ROLES,
  totpStep,
  totpUri,
} from "@/lib/totp";
import type { Db } from "../open";
import { totpFactors, totpRecoveryCodes } from "../schema/security";
import { roleGrants, users } from "../schema/users";
import { writeAudit } from "./audit";

const confirmedFactor = async (db: Db, userId: number) =>
  (
    await db
      .select()
      .from(totpFactors)
      .where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt)))
  )[0] ?? null;

/** What 我的 shows: whether the caller has a second factor, must have one, and by when. */
export async function totpStatus(db: Db, scope: Scope, now = new Date()) {
  const factor = await confirmedFactor(db, scope.userId);
  const left = factor
    ? (
        await db
          .select({ id: totpRecoveryCodes.id })
          .from(totpRecoveryCodes)
          .where(and(eq(totpRecoveryCodes.userId, scope.userId), isNull(totpRecoveryCodes.usedAt)))
      ).length
    : 0;
  const required = requiresTotp(grantsOf(scope)) || Boolean(scope.mustEnrol);
  return {
    enrolled: Boolean(factor),
    required,
    available: required || mayUseTotp(grantsOf(scope)),
    recoveryLeft: left,
    enrolBy: required && !factor ? await enrolBy(db, scope.userId) : null,
    mustEnrol: Boolean(scope.mustEnrol),
    now,
  };
}

/** A new secret for the caller's authenticator app, waiting for its first code; replaces an unconfirmed one. */
export async function startEnrolment(db: Db, scope: Scope) {
  if (!mayUseTotp(grantsOf(scope)) && !scope.mustEnrol) throw new AppError("forbidden", t.totp.notForYou);
  if (await confirmedFactor(db, scope.userId)) throw new AppError("conflict", t.totp.alreadyOn);
  const [user] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, scope.userId));
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await tx
      .insert(totpFactors)
      .values({ userId: scope.userId, secret })
      .onConflictDoUpdate({ target: totpFactors.userId, set: { secret, createdAt: new Date(), lastStep: null } });
    await writeAudit(tx, { actorId: scope.userId, action: "totp.start", targetType: "user", targetId: scope.userId });
  });
  return { secret, uri: totpUri(secret, user.phone, t.app.name) };
}

/** The first code from the app turns the factor on; the recovery codes are returned this once, never again. */
export async function confirmEnrolment(db: Db, scope: Scope, input: { code: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    const [pending] = await tx.select().from(totpFactors).where(eq(totpFactors.userId, scope.userId)).for("update");
    if (!pending) throw new AppError("not_found", t.totp.startFirst);
    if (pending.confirmedAt) throw new AppError("conflict", t.totp.alreadyOn);
    const step = await totpStep(pending.secret, input.code, now, null);
    if (step === null) throw new AppError("bad_request", t.totp.wrongCode, { code: t.totp.wrongCode });
    await tx.update(totpFactors).set({ confirmedAt: now, lastStep: step }).where(eq(totpFactors.userId, scope.userId));
    const codes = await replaceRecoveryCodes(tx, scope.userId);
    await writeAudit(tx, { actorId: scope.userId, action: "totp.enrol", targetType: "user", targetId: scope.userId });
    return { recoveryCodes: codes };
  });
}

/** New recovery codes (the old ones stop working), proven with a current app code. */
export async function renewRecoveryCodes(db: Db, scope: Scope, input: { code: string }, now = new Date()) {
  return db.transaction(async (tx) => {
    await spendAppCode(tx, scope.userId, input.code, now);
    const codes = await replaceRecoveryCodes(tx, scope.userId);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "totp.recovery_renew",
      targetType: "user",
      targetId: scope.userId,
    });
    return { recoveryCodes: codes };
  });
}

/** Turning it off: only where it is optional (a secretary), and only with a current app code. */
export async function disableTotp(db: Db, scope: Scope, input: { code: string }, now = new Date()) {
  if (requiresTotp(grantsOf(scope)) || scope.mustEnrol) throw new AppError("forbidden", t.totp.requiredForAdmins);
  return db.transaction(async (tx) => {
    await spendAppCode(tx, scope.userId, input.code, now);
    await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, scope.userId));
    await tx.delete(totpFactors).where(eq(totpFactors.userId, scope.userId));
    await writeAudit(tx, { actorId: scope.userId, action: "totp.disable", targetType: "user", targetId: scope.userId });
  });
}

export const hasSecondFactor = async (db: Db, userId: number) => Boolean(await confirmedFactor(db, userId));

/**
 * The second step of signing in: a 6-digit app code, or a recovery code (used up by this). Each is taken
 * by a guarded UPDATE, so of two sign-ins racing with one code only one gets through.
 */
export async function checkSecondFactor(
  db: Db,
  userId: number,
  typed: string,
  now = new Date(),
): Promise<"totp" | "recovery" | null> {
  if (isAppCode(typed)) {
    try {
      await spendAppCode(db, userId, typed.replace(/\s/g, ""), now);
      return "totp";
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
  }
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(totpRecoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(totpRecoveryCodes.userId, userId),
          eq(totpRecoveryCodes.codeHash, hashRecoveryCode(typed)),
          isNull(totpRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: totpRecoveryCodes.id });
    if (!used) return null;
    await writeAudit(tx, { actorId: userId, action: "totp.recovery_used", targetType: "user", targetId: userId });
    return "recovery" as const;
  });
}

/**
 * An admin without a second factor past the grace period keeps only what is not an admin's: their admin
 * grants wait for the enrolment (in the data layer, so every query refuses them, docs/architecture.md#scope).
 */
export async function withEnrolmentRule<G extends Pick<Grant, "role">>(
  db: Db,
  userId: number,
  grants: G[],
  now = new Date(),
): Promise<{ grants: G[]; mustEnrol: boolean }> {
  if (!requiresTotp(grants) || (await hasSecondFactor(db, userId))) return { grants, mustEnrol: false };
  const by = await enrolBy(db, userId);
  if (!by || by > now) return { grants, mustEnrol: false };
  return { grants: grants.filter((g) => !TOTP_REQUIRED_ROLES.includes(g.role)), mustEnrol: true };
}

/** The end of the grace period: two weeks from the first admin appointment. */
async function enrolBy(db: Db, userId: number): Promise<Date | null> {
  const [row] = await db
    .select({ since: min(roleGrants.createdAt) })
    .from(roleGrants)
    .where(and(eq(roleGrants.userId, userId), inArray(roleGrants.role, [...TOTP_REQUIRED_ROLES])));
  return row?.since ? new Date(new Date(row.since).getTime() + ENROL_GRACE_MS) : null;
}

/** Accepts a current app code once: the step moves forward under a guard, so a replay finds it spent. */
async function spendAppCode(db: Db, userId: number, code: string, now: Date) {
  const factor = await confirmedFactor(db, userId);
  if (!factor) throw new AppError("not_found", t.totp.startFirst);
  const step = await totpStep(factor.secret, code, now, factor.lastStep);
  if (step === null) throw new AppError("bad_request", t.totp.wrongCode, { code: t.totp.wrongCode });
  const [spent] = await db
    .update(totpFactors)
    .set({ lastStep: step })
    .where(and(eq(totpFactors.userId, userId), or(isNull(totpFactors.lastStep), lt(totpFactors.lastStep, step))))
    .returning({ userId: totpFactors.userId });
  if (!spent) throw new AppError("bad_request", t.totp.wrongCode, { code: t.totp.wrongCode });
}

async function replaceRecoveryCodes(db: Db, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  await db.insert(totpRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}
