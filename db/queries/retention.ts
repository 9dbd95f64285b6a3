import { sql } from "drizzle-orm";
import type { Db } from "../open";
import { auditLog } from "../schema/audit";
import { writeAudit } from "./audit";
import { pruneLoginAttempts } from "./login-attempts";

/** Audit entries are kept at least this long (docs/security.md); the database trigger refuses anything younger. */
export const AUDIT_RETENTION_DAYS = 180;

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

/** The retention job (`npm run audit:prune`): old audit entries and old sign-in attempts. */
export async function pruneAll(db: Db, input: { days?: number } = {}) {
  return { audit: await pruneAudit(db, input), loginAttempts: await pruneLoginAttempts(db) };
}
