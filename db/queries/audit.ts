import { and, desc, eq, gte, like, lt, or, type SQL, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { AuditAction } from "@/lib/messages/audit";
import { canReadAudit } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { pathsReached } from "@/lib/scope-paths";
import type { Db } from "../open";
import { type AuditOutcome, auditLog } from "../schema/audit";
import { users } from "../schema/users";
import { pathUnder } from "./scope-sql";

export interface AuditInput {
  actorId: number | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string | number;
  nodePath?: string | null;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown>;
}

/** The one writer of the audit log. Call it with the transaction of the write it records. */
export async function writeAudit(db: Db, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId == null ? null : String(entry.targetId),
    nodePath: entry.nodePath ?? null,
    outcome: entry.outcome ?? "ok",
    detail: entry.detail,
  });
}

export interface AuditFilter {
  action?: string;
  actorId?: number;
  outcome?: AuditOutcome;
  /** Inclusive lower and exclusive upper bound. */
  from?: Date;
  to?: Date;
  /** Keyset pagination: entries older than this id. */
  before?: number;
  limit?: number;
}

export async function listAudit(db: Db, scope: Scope, filter: AuditFilter = {}) {
  if (!canReadAudit(scope)) throw new AppError("forbidden");
  const reach = pathUnder(auditLog.nodePath, pathsReached(scope, ["county_admin"]));
  const where: (SQL | undefined)[] = [
    or(sql`${auditLog.nodePath} is null`, reach),
    filter.action ? like(auditLog.action, `${filter.action.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.outcome ? eq(auditLog.outcome, filter.outcome) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
    filter.before ? lt(auditLog.id, filter.before) : undefined,
  ];
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      nodePath: auditLog.nodePath,
      outcome: auditLog.outcome,
      detail: auditLog.detail,
      actorName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(Math.min(filter.limit ?? 50, 200));
}
