import { lt, sql } from "drizzle-orm";
import { type RetentionKind, retention } from "@/lib/privacy";
import type { Db } from "../open";
import { auditLog } from "../schema/audit";
import { pushOutbox } from "../schema/push";
import { writeAudit } from "./audit";
import { pruneLoginAttempts } from "./login-attempts";
import { prunePublicAttempts } from "./public-attempts";

/** Audit entries are kept at least this long (docs/security.md); the database trigger refuses anything younger. */
export const AUDIT_RETENTION_DAYS = retention.find((r) => r.kind === "audit")!.days;

/**
 * Deletes audit entries older than `days` (never fewer than 180). The age is measured with the database's
 * clock, the one the append-only trigger of migration 0001 uses, so an app clock running ahead cannot ask
 * for a row the trigger would refuse (which would fail the whole prune). The prune is itself audited.
 */
export async function pruneAudit(db: Db, input: { days?: number } = {}): Promise<number> {
  const days = Math.max(AUDIT_RETENTION_DAYS, Math.floor(input.days ?? AUDIT_RETENTION_DAYS));
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(auditLog)
      .where(sql`${auditLog.at} < now() - make_interval(days => ${days})`)
      .returning({ id: auditLog.id });
    await writeAudit(tx, {
      actorId: null,
      action: "audit.prune",
      outcome: "ok",
      detail: { days, deleted: gone.length },
    });
    return gone.length;
  });
}

/** Queued push messages not delivered within their retention (lib/privacy.ts): a week-old reminder helps nobody. */
export async function prunePushQueue(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(pushOutbox)
    .where(lt(pushOutbox.createdAt, new Date(now.getTime() - daysOf("pushQueued") * 86_400_000)))
    .returning({ id: pushOutbox.id });
  return gone.length;
}

const daysOf = (kind: RetentionKind) => retention.find((r) => r.kind === kind)!.days!;

/**
 * The retention job (`npm run audit:prune`): every kind of record the privacy notice says is deleted after a
 * time (lib/privacy.ts `retention`) — old audit entries, sign-in attempts, the public throttle's attempts and
 * undelivered push messages. The rest are records kept for good, and complaints may never be deleted.
 */
export async function pruneAll(db: Db, input: { days?: number } = {}, now = new Date()) {
  return {
    audit: await pruneAudit(db, input),
    loginAttempts: await pruneLoginAttempts(db, now),
    publicAttempts: await prunePublicAttempts(db, now),
    pushQueue: await prunePushQueue(db, now),
  };
}
