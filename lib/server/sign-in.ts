import type { Db } from "@/db/open";
import { writeAudit } from "@/db/queries/audit";
import { loginVerdict, reserveLoginAttempt, settleLoginAttempt } from "@/db/queries/login-attempts";
import { findUserByPhone } from "@/db/queries/session";
import { checkSecondFactor, hasSecondFactor } from "@/db/queries/totp";
import { AppError } from "../errors";
import { minutesLeft, type Verdict } from "../login-throttle";
import { t } from "../messages";
import { verifyPassword } from "../password";
import { maskPhone } from "../phone";

export interface SignedIn {
  id: number;
  name: string;
  sessionVersion: number;
}

/**
 * The credentials check behind next-auth's authorize (auth.ts), throttled per account and per address
 * (lib/login-throttle.ts). Every failure, refusal and lock is audited with the phone masked: the audit log
 * is read by admins, and the attempts table already holds the number for the one hour the throttle needs it.
 */
export async function signInWithPassword(
  db: Db,
  input: { phone: string; password: string; otp?: string; address: string },
  now = new Date(),
): Promise<SignedIn> {
  const key = { phone: input.phone, address: input.address };
  const phone = maskPhone(input.phone);
  const id = await reserveLoginAttempt(db, key, now);
  const before = await loginVerdict(db, { ...key, id }, now);
  if (before.locked) {
    await settleLoginAttempt(db, id, "refused");
    await writeAudit(db, {
      actorId: null,
      action: "auth.sign_in",
      outcome: "denied",
      detail: { phone, reason: before.reason },
    });
    throw lockError(before, now);
  }

  const user = await findUserByPhone(db, input.phone);
  const ok = await verifyPassword(user?.passwordHash, input.password);
  // With a second factor the right password is only the first step. Asking for the code is not a failure,
  // but a wrong code is, so guessing codes meets the same lock as guessing passwords.
  const second = user && ok && user.active && (await hasSecondFactor(db, user.id));
  if (second && !input.otp) {
    await settleLoginAttempt(db, id, "refused");
    throw new AppError("unauthenticated", t.totp.codeNeeded);
  }
  const factor = second ? await checkSecondFactor(db, user.id, input.otp!, now) : null;
  if (user && ok && user.active && (!second || factor)) {
    await settleLoginAttempt(db, id, "succeeded");
    await writeAudit(db, {
      actorId: user.id,
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      detail: factor ? { factor } : undefined,
    });
    return { id: user.id, name: user.name, sessionVersion: user.sessionVersion };
  }

  // The row reserved above stays, as a failure.
  const reason = second
    ? "wrong_code"
    : !user || !ok
      ? user && !user.passwordHash
        ? "not_activated"
        : "wrong_credentials"
      : "disabled";
  await writeAudit(db, {
    actorId: user?.id ?? null,
    action: "auth.sign_in",
    outcome: "failed",
    detail: { phone, reason },
  });
  const after = await loginVerdict(db, { ...key, id, including: true }, now);
  if (after.locked) {
    await writeAudit(db, {
      actorId: user?.id ?? null,
      action: "auth.lock",
      targetType: user ? "user" : undefined,
      targetId: user?.id,
      outcome: "denied",
      detail: {
        phone,
        reason: after.reason,
        address: after.reason === "address" ? input.address : undefined,
        until: after.until.toISOString(),
      },
    });
    throw lockError(after, now);
  }
  if (reason === "disabled") throw new AppError("forbidden", t.auth.disabled);
  if (reason === "wrong_code") throw new AppError("unauthenticated", t.totp.signInWrongCode);
  throw new AppError("unauthenticated", reason === "not_activated" ? t.auth.notActivated : t.auth.wrongCredentials);
}

function lockError(verdict: Verdict & { locked: true }, now: Date): AppError {
  const minutes = minutesLeft(verdict.until, now);
  return new AppError(
    "rate_limited",
    verdict.reason === "address" ? t.security.addressLocked(minutes) : t.security.accountLocked(minutes),
  );
}
