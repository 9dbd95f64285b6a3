import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { AuditAction } from "@/lib/messages/audit";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { users } from "../schema/users";
import { writeAudit } from "./audit";

/**
 * A person's own preferences (长辈模式, 短信提醒). Only ever the caller's own row: the scope's user id is the
 * filter, so nobody can read or switch someone else's.
 */
export async function getPreferences(db: Db, scope: Scope): Promise<{ elderMode: boolean; smsOn: boolean }> {
  const [row] = await db
    .select({ elderMode: users.elderMode, smsMuted: users.smsMuted })
    .from(users)
    .where(eq(users.id, scope.userId));
  return { elderMode: row?.elderMode ?? false, smsOn: !(row?.smsMuted ?? false) };
}

export async function getElderMode(db: Db, scope: Scope): Promise<boolean> {
  return (await getPreferences(db, scope)).elderMode;
}

export const setElderMode = (db: Db, scope: Scope, input: { on: boolean }) =>
  setOwn(db, scope, "account.elder_mode", { elderMode: input.on }, input.on);

/** 短信提醒 on 我的: off sets `sms_muted`, which the SMS sender honours (lib/server/sms-sender.ts). */
export const setSmsOn = (db: Db, scope: Scope, input: { on: boolean }) =>
  setOwn(db, scope, "account.sms", { smsMuted: !input.on }, input.on);

async function setOwn(
  db: Db,
  scope: Scope,
  action: AuditAction,
  change: Partial<Pick<typeof users.$inferInsert, "elderMode" | "smsMuted">>,
  on: boolean,
): Promise<{ on: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(users).set(change).where(eq(users.id, scope.userId)).returning({ id: users.id });
    if (!row) throw new AppError("unauthenticated");
    await writeAudit(tx, { actorId: scope.userId, action, targetType: "user", targetId: scope.userId, detail: { on } });
    return { on };
  });
}
