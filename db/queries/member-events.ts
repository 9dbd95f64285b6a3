import { and, asc, eq, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageRoster, canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { MemberEventInput } from "@/lib/validation/membership";
import type { MemberFields } from "@/lib/validation/roster";
import type { Db } from "../open";
import { memberEvents, memberTransfers } from "../schema/membership";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { followBranches } from "./expected-roster";
import { addMember } from "./roster";

/**
 * Status changes as dated, audited events (docs/architecture.md#membership-history): 转正 makes a
 * probationary member full; death, 出党 and a transfer out of the county close the record at the day it
 * took effect (reports for earlier months still show the member, no later roster expects them, the account
 * is switched off); a transfer into the county makes a new record from the letter.
 */

const CLOSING = new Set(["died", "left_party", "transferred_out"]);

/** The first instant of a Shanghai calendar day. */
const dayStartOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

export async function recordMemberEvent(db: Db, scope: Scope, input: MemberEventInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({
        userId: members.userId,
        category: members.category,
        active: members.active,
        branchId: members.branchId,
        path: orgNodes.path,
      })
      .from(members)
      .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
      .where(eq(members.userId, input.memberId))
      .for("update", { of: members });
    if (!member) throw new AppError("not_found");
    if (!canManageRoster(scope, member.path) || member.userId === scope.userId) throw new AppError("forbidden");
    if (!member.active) throw new AppError("conflict", t.membership.closedRecord);
    if (input.kind === "made_full") {
      if (member.category !== "probationary") throw new AppError("conflict", t.membership.notProbationary);
      await tx.update(members).set({ category: "formal", updatedAt: now }).where(eq(members.userId, member.userId));
    } else if (CLOSING.has(input.kind)) {
      await tx
        .update(members)
        .set({ active: false, leftAt: dayStartOf(input.effectiveOn), updatedAt: now })
        .where(eq(members.userId, member.userId));
      await tx
        .update(users)
        .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, member.userId));
      // Nobody is left to receive: an open transfer inside the county ends with the record.
      await tx
        .update(memberTransfers)
        .set({ status: "withdrawn", decidedBy: scope.userId, decidedAt: now })
        .where(and(eq(memberTransfers.memberId, member.userId), eq(memberTransfers.status, "pending")));
      await followBranches(tx, [member.branchId], now);
    }
    const [event] = await tx
      .insert(memberEvents)
      .values({
        memberId: member.userId,
        branchId: member.branchId,
        kind: input.kind,
        effectiveOn: input.effectiveOn,
        reference: input.reference,
        counterpart: input.counterpart ?? null,
        recordedBy: scope.userId,
        recordedAt: now,
      })
      .returning({ id: memberEvents.id });
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.event",
      targetType: "member",
      targetId: member.userId,
      nodePath: member.path,
      detail: {
        kind: input.kind,
        effectiveOn: input.effectiveOn,
        reference: input.reference,
        counterpart: input.counterpart,
      },
    });
    return { id: event.id };
  });
}

/** A member coming from outside the county: a new record from the letter, linked to nothing outside. */
export async function receiveFromOutside(
  db: Db,
  scope: Scope,
  input: MemberFields & { branchId: number; effectiveOn: string; reference: string; counterpart: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { userId } = await addMember(tx, scope, input);
    await tx.insert(memberEvents).values({
      memberId: userId,
      branchId: input.branchId,
      kind: "transferred_in",
      effectiveOn: input.effectiveOn,
      reference: input.reference,
      counterpart: input.counterpart,
      recordedBy: scope.userId,
      recordedAt: now,
    });
    const [branch] = await tx.select({ path: orgNodes.path }).from(orgNodes).where(eq(orgNodes.id, input.branchId));
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "membership.event",
      targetType: "member",
      targetId: userId,
      nodePath: branch.path,
      detail: { kind: "transferred_in", reference: input.reference, counterpart: input.counterpart },
    });
    return { userId };
  });
}

/** A member's status events, oldest first, for those who read the roster they are on, or the member. */
export async function memberEventsOf(db: Db, scope: Scope, memberId: number) {
  const [member] = await db
    .select({ path: orgNodes.path })
    .from(members)
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(members.userId, memberId));
  if (!member) throw new AppError("not_found");
  if (memberId !== scope.userId && !canReadRoster(scope, member.path)) throw new AppError("forbidden");
  return db
    .select({
      id: memberEvents.id,
      kind: memberEvents.kind,
      effectiveOn: memberEvents.effectiveOn,
      reference: memberEvents.reference,
      counterpart: memberEvents.counterpart,
      branchName: orgNodes.name,
    })
    .from(memberEvents)
    .innerJoin(orgNodes, eq(orgNodes.id, memberEvents.branchId))
    .where(eq(memberEvents.memberId, memberId))
    .orderBy(asc(memberEvents.effectiveOn), asc(memberEvents.id));
}
