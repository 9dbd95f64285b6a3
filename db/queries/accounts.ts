import { createHash, randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { hashPassword, verifyPassword } from "@/lib/password";
import { canManageRoster, canResetAccount } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { orgNodes } from "../schema/org";
import { activationCodes, members, roleGrants, users } from "../schema/users";
import { writeAudit } from "./audit";

export const ACTIVATION_DAYS = 7;
// No 0/O, 1/I/L: the code is read aloud and typed on a phone.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

const digest = (code: string) => createHash("sha256").update(code).digest("hex");

/**
 * Issues a one-time activation code for a member (by their branch's secretary or the county) or for a
 * staff account (by the county). Any earlier unused code of that person stops working.
 */
export async function issueActivationCode(db: Db, scope: Scope, input: { userId: number }, now = new Date()) {
  return db.transaction(async (tx) => {
    const target = await loadManagedAccount(tx, scope, input.userId);

    const code = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    const expiresAt = new Date(now.getTime() + ACTIVATION_DAYS * 86_400_000);
    await tx
      .update(activationCodes)
      .set({ expiresAt: now })
      .where(
        and(eq(activationCodes.userId, target.id), isNull(activationCodes.usedAt), gt(activationCodes.expiresAt, now)),
      );
    await tx
      .insert(activationCodes)
      .values({ userId: target.id, codeHash: digest(code), expiresAt, createdBy: scope.userId });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "account.issue_code",
      targetType: "user",
      targetId: target.id,
      nodePath: target.nodePath,
    });
    return { code, expiresAt };
  });
}

/** The person's membership and every role they hold: what taking charge of their account depends on. */
async function accountHolder(db: Db, userId: number) {
  const [target] = await db
    .select({ id: users.id, branchPath: orgNodes.path })
    .from(users)
    .leftJoin(members, eq(members.userId, users.id))
    .leftJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(users.id, userId));
  if (!target) return null;
  const grants = await db
    .select({ role: roleGrants.role, path: orgNodes.path })
    .from(roleGrants)
    .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
    .where(eq(roleGrants.userId, target.id))
    .orderBy(roleGrants.id);
  return { id: target.id, branchPath: target.branchPath, grants };
}

/**
 * A person whose account the caller may take charge of (lib/permissions.ts canResetAccount). A roster
 * manager who meets a member holding a role above them is told who can help instead.
 */
export async function loadManagedAccount(db: Db, scope: Scope, userId: number) {
  const target = await accountHolder(db, userId);
  if (!target) throw new AppError("not_found");
  if (!canResetAccount(scope, target)) {
    const rosterOnly = target.branchPath !== null && canManageRoster(scope, target.branchPath);
    throw new AppError("forbidden", rosterOnly ? t.security.accountAboveYou : undefined);
  }
  return { id: target.id, nodePath: target.branchPath ?? target.grants[0]?.path ?? null };
}

/** Whether the caller may issue a code for, or end the sessions of, this person: what the member page offers. */
export async function mayResetAccount(db: Db, scope: Scope, userId: number) {
  const target = await accountHolder(db, userId);
  return target !== null && canResetAccount(scope, target);
}

/** Ends every session of a person within a minute (auth.ts re-reads the session version that often). */
export async function endSessions(db: Db, scope: Scope, input: { userId: number }) {
  return db.transaction(async (tx) => {
    const target = await loadManagedAccount(tx, scope, input.userId);
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, target.id));
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "auth.end_sessions",
      targetType: "user",
      targetId: target.id,
      nodePath: target.nodePath,
    });
  });
}

/**
 * The member proves who they are with phone + code and chooses a password. Unknown phone and wrong code
 * give the same answer, so the form cannot be used to find out who has an account.
 */
export async function activateAccount(
  db: Db,
  input: { phone: string; code: string; password: string },
  now = new Date(),
) {
  const [user] = await db.select().from(users).where(eq(users.phone, input.phone));
  const [found] = user
    ? await db
        .select()
        .from(activationCodes)
        .where(and(eq(activationCodes.userId, user.id), eq(activationCodes.codeHash, digest(input.code))))
        .orderBy(desc(activationCodes.createdAt))
        .limit(1)
    : [];
  const refuse = async (reason: "code" | "used" | "expired" | "disabled", message: string) => {
    await writeAudit(db, {
      actorId: user?.id ?? null,
      action: "account.activate",
      outcome: "failed",
      detail: { reason },
    });
    return new AppError("bad_request", message, { code: message });
  };
  if (!user || !found) throw await refuse("code", t.auth.codeInvalid);
  if (found.usedAt) throw await refuse("used", t.auth.codeUsed);
  if (found.expiresAt <= now) throw await refuse("expired", t.auth.codeExpired);
  if (!user.active) throw await refuse("disabled", t.auth.disabled);

  const passwordHash = await hashPassword(input.password);
  const claimed = await db.transaction(async (tx) => {
    // Conditional on usedAt still being null: of two simultaneous uses, exactly one wins.
    const rows = await tx
      .update(activationCodes)
      .set({ usedAt: now })
      .where(and(eq(activationCodes.id, found.id), isNull(activationCodes.usedAt)))
      .returning({ id: activationCodes.id });
    if (rows.length === 0) return false;
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await writeAudit(tx, { actorId: user.id, action: "account.activate", targetType: "user", targetId: user.id });
    return true;
  });
  if (!claimed) throw await refuse("used", t.auth.codeUsed);
}

/** Changing the password ends every session of the account, this one included. */
export async function changePassword(db: Db, scope: Scope, input: { current: string; password: string }) {
  const [user] = await db.select().from(users).where(eq(users.id, scope.userId));
  if (!user) throw new AppError("unauthenticated");
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    await writeAudit(db, { actorId: user.id, action: "account.change_password", outcome: "failed" });
    throw new AppError("bad_request", t.auth.wrongCurrentPassword, { current: t.auth.wrongCurrentPassword });
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await writeAudit(tx, {
      actorId: user.id,
      action: "account.change_password",
      targetType: "user",
      targetId: user.id,
    });
  });
}
