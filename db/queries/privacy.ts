import { and, desc, eq, max } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canReadRoster, canSettleCorrection } from "@/lib/permissions";
import { PRIVACY_VERSION } from "@/lib/privacy";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { orgNodes } from "../schema/org";
import { correctionRequests, privacyAcknowledgements } from "../schema/privacy";
import { users } from "../schema/users";
import { writeAudit } from "./audit";
import { loadBranch } from "./branch";

/** The newest version of the privacy notice the person has acknowledged, 0 for none. */
export async function acknowledgedVersion(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ version: max(privacyAcknowledgements.version) })
    .from(privacyAcknowledgements)
    .where(eq(privacyAcknowledgements.userId, userId));
  return row?.version ?? 0;
}

/** When the caller acknowledged `version`, or null. */
export async function acknowledgedAt(db: Db, scope: Scope, version = PRIVACY_VERSION): Promise<Date | null> {
  const [row] = await db
    .select({ at: privacyAcknowledgements.at })
    .from(privacyAcknowledgements)
    .where(and(eq(privacyAcknowledgements.userId, scope.userId), eq(privacyAcknowledgements.version, version)));
  return row?.at ?? null;
}

/**
 * The caller has read the notice of `version`, which must be the current one (a page left open from before a
 * change is refused, so nobody acknowledges a text they were not shown). Once per version; again is a no-op.
 */
export async function acknowledgePrivacy(
  db: Db,
  scope: Scope,
  input: { version: number },
  current = PRIVACY_VERSION,
  now = new Date(),
) {
  if (input.version !== current) throw new AppError("conflict", t.privacy.staleVersion);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(privacyAcknowledgements)
      .values({ userId: scope.userId, version: input.version, at: now })
      .onConflictDoNothing()
      .returning({ at: privacyAcknowledgements.at });
    if (row) {
      await writeAudit(tx, {
        actorId: scope.userId,
        action: "privacy.acknowledge",
        targetType: "user",
        targetId: scope.userId,
        detail: { version: input.version },
      });
    }
    return { version: input.version };
  });
}

/** A member asks their branch's secretary to correct their record. */
export async function requestCorrection(db: Db, scope: Scope, input: { body: string }, now = new Date()) {
  const branch = scope.member;
  if (!branch) throw new AppError("forbidden", t.privacy.correction.noBranch);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(correctionRequests)
      .values({ memberId: scope.userId, branchId: branch.branchId, body: input.body, createdAt: now })
      .returning({ id: correctionRequests.id });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "privacy.correction",
      targetType: "correction_request",
      targetId: row.id,
      nodePath: branch.branchPath,
    });
    return { id: row.id };
  });
}

export async function myCorrections(db: Db, scope: Scope) {
  return db
    .select()
    .from(correctionRequests)
    .where(eq(correctionRequests.memberId, scope.userId))
    .orderBy(desc(correctionRequests.createdAt), desc(correctionRequests.id));
}

/** A branch's open requests, for its secretary and the admins above. */
export async function branchCorrections(db: Db, scope: Scope, input: { branchId: number }) {
  await loadBranch(db, scope, input.branchId);
  return db
    .select({
      id: correctionRequests.id,
      memberId: correctionRequests.memberId,
      memberName: users.name,
      body: correctionRequests.body,
      createdAt: correctionRequests.createdAt,
    })
    .from(correctionRequests)
    .innerJoin(users, eq(users.id, correctionRequests.memberId))
    .where(and(eq(correctionRequests.branchId, input.branchId), eq(correctionRequests.status, "open")))
    .orderBy(correctionRequests.createdAt);
}

/** The secretary marks a request done with a note the member reads; a guarded change, so once. */
export async function settleCorrection(
  db: Db,
  scope: Scope,
  input: { correctionId: number; note: string },
  now = new Date(),
) {
  const [request] = await db
    .select({ id: correctionRequests.id, memberId: correctionRequests.memberId, branchPath: orgNodes.path })
    .from(correctionRequests)
    .innerJoin(orgNodes, eq(orgNodes.id, correctionRequests.branchId))
    .where(eq(correctionRequests.id, input.correctionId));
  if (!request || !canReadRoster(scope, request.branchPath)) throw new AppError("not_found");
  if (!canSettleCorrection(scope, request)) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(correctionRequests)
      .set({ status: "done", note: input.note, decidedBy: scope.userId, decidedAt: now })
      .where(and(eq(correctionRequests.id, request.id), eq(correctionRequests.status, "open")))
      .returning({ id: correctionRequests.id });
    if (!row) throw new AppError("conflict", t.privacy.correction.alreadyDone);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "privacy.correction_done",
      targetType: "correction_request",
      targetId: row.id,
      nodePath: request.branchPath,
    });
    return { id: row.id };
  });
}
