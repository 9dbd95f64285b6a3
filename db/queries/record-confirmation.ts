import { and, asc, eq, notExists } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import { monthOf } from "@/lib/time";
import type { Db } from "../open";
import { orgNodes } from "../schema/org";
import { recordConfirmations } from "../schema/privacy";
import { members, users } from "../schema/users";
import { writeAudit } from "./audit";
import { loadBranch } from "./branch";

/** The calendar year (Asia/Shanghai) a confirmation counts for. */
export const confirmationYear = (now: Date) => Number(monthOf(now).slice(0, 4));

/**
 * The record the app keeps of the member (the fields a secretary enters; nothing else is asked), and
 * whether they have confirmed it this year. Only ever the caller's own.
 */
export async function myRecord(db: Db, scope: Scope, now = new Date()) {
  if (!scope.member) throw new AppError("forbidden");
  const year = confirmationYear(now);
  const [row] = await db
    .select({
      name: users.name,
      phone: users.phone,
      branch: orgNodes.name,
      gender: members.gender,
      category: members.category,
      presence: members.presence,
      employment: members.employment,
      joinedOn: members.joinedOn,
      confirmedAt: recordConfirmations.at,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .leftJoin(
      recordConfirmations,
      and(eq(recordConfirmations.memberId, members.userId), eq(recordConfirmations.year, year)),
    )
    .where(eq(members.userId, scope.userId));
  if (!row) throw new AppError("forbidden");
  return { ...row, year };
}

/**
 * The member confirms their record for this year: once (a second tap, a replayed request or a second phone
 * answers with the first confirmation), audited the first time.
 */
export async function confirmMyRecord(db: Db, scope: Scope, now = new Date()): Promise<{ year: number; at: Date }> {
  if (!scope.member) throw new AppError("forbidden");
  const year = confirmationYear(now);
  return db.transaction(async (tx) => {
    const [made] = await tx
      .insert(recordConfirmations)
      .values({ memberId: scope.userId, year, at: now })
      .onConflictDoNothing()
      .returning();
    if (made)
      await writeAudit(tx, {
        actorId: scope.userId,
        action: "privacy.confirm_record",
        targetType: "member",
        targetId: scope.userId,
        nodePath: scope.member!.branchPath,
        detail: { year },
      });
    const [row] = await tx
      .select()
      .from(recordConfirmations)
      .where(and(eq(recordConfirmations.memberId, scope.userId), eq(recordConfirmations.year, year)));
    return { year, at: row.at };
  });
}

/** The branch's active members who have not confirmed their record this year, for whoever reads its roster. */
export async function unconfirmedMembers(db: Db, scope: Scope, input: { branchId: number }, now = new Date()) {
  await loadBranch(db, scope, input.branchId);
  const year = confirmationYear(now);
  const confirmed = db
    .select({ year: recordConfirmations.year })
    .from(recordConfirmations)
    .where(and(eq(recordConfirmations.memberId, members.userId), eq(recordConfirmations.year, year)));
  const rows = await db
    .select({ memberId: members.userId, name: users.name })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.branchId, input.branchId), eq(members.active, true), notExists(confirmed)))
    .orderBy(asc(users.name), asc(members.userId));
  return { year, rows };
}
