import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageRoster, canReadRoster } from "@/lib/permissions";
import { maskPhone } from "@/lib/phone";
import type { Scope } from "@/lib/scope";
import { BRANCH_SIDE_ROLES, pathsReached } from "@/lib/scope-paths";
import type { MemberFields } from "@/lib/validation/roster";
import type { Db } from "../open";
import { orgNodes } from "../schema/org";
import { members, users } from "../schema/users";
import { loadManagedAccount } from "./accounts";
import { writeAudit } from "./audit";
import { loadBranch } from "./branch";
import { followBranches } from "./expected-roster";
import { pathUnder } from "./scope-sql";

const memberColumns = {
  userId: users.id,
  name: users.name,
  phone: users.phone,
  activated: sql<boolean>`${users.passwordHash} is not null`,
  gender: members.gender,
  category: members.category,
  presence: members.presence,
  employment: members.employment,
  joinedOn: members.joinedOn,
  active: members.active,
  branchId: members.branchId,
  branchName: orgNodes.name,
  branchPath: orgNodes.path,
};

type MemberRow = { userId: number; phone: string; branchPath: string };

/**
 * Phone numbers leave the data layer masked (docs/security.md), except a person's own. Whoever needs a whole
 * number asks for it one at a time with revealPhone (db/queries/phone-reveal.ts), which is audited.
 */
function withPhoneMasked<R extends MemberRow>(scope: Scope, row: R): R {
  return row.userId === scope.userId ? row : { ...row, phone: maskPhone(row.phone) };
}

/** The number as the roster shows it, in SQL: what a search may match (maskPhone's shape). */
const maskedPhone = sql`left(${users.phone}, 3) || '****' || right(${users.phone}, 4)`;

/**
 * Searches names, and phones only as far as the roster shows them: matching the hidden digits would let
 * anyone recover a masked number a digit at a time without the audited reveal. A whole number typed in is
 * looked for by its masked form, so it still finds its member (and anyone sharing those seven digits).
 */
export async function listRoster(
  db: Db,
  scope: Scope,
  input: { branchId: number; q?: string; includeInactive?: boolean },
) {
  const branch = await loadBranch(db, scope, input.branchId);
  const typed = input.q && /^1\d{10}$/.test(input.q) ? maskPhone(input.q) : input.q;
  const q = typed?.replace(/[%_\\]/g, "\\$&");
  const rows = await db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(
      and(
        eq(members.branchId, branch.id),
        input.includeInactive ? undefined : eq(members.active, true),
        q ? or(ilike(users.name, `%${q}%`), ilike(maskedPhone, `%${q}%`)) : undefined,
      ),
    )
    .orderBy(asc(members.active), asc(sql`${users.name} collate "C"`));
  return { branch, members: rows.map((r) => withPhoneMasked(scope, r)) };
}

/** One member, for their branch's roster managers, admins above, or the member themself. */
export async function getMember(db: Db, scope: Scope, userId: number) {
  const [row] = await db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(members.userId, userId));
  if (!row) throw new AppError("not_found");
  if (row.userId !== scope.userId && !canReadRoster(scope, row.branchPath)) throw new AppError("forbidden");
  return withPhoneMasked(scope, row);
}

async function loadManagedMember(db: Db, scope: Scope, userId: number) {
  const [row] = await db
    .select({
      userId: members.userId,
      name: users.name,
      phone: users.phone,
      active: members.active,
      branchId: members.branchId,
      branchPath: orgNodes.path,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(members.userId, userId));
  if (!row) throw new AppError("not_found");
  if (!canManageRoster(scope, row.branchPath)) throw new AppError("forbidden");
  return row;
}

async function assertPhonesFree(db: Db, phones: string[], exceptUserId?: number) {
  if (phones.length === 0) return [];
  const taken = await db.select({ id: users.id, phone: users.phone }).from(users).where(inArray(users.phone, phones));
  return taken.filter((u) => u.id !== exceptUserId).map((u) => u.phone);
}

export async function addMember(db: Db, scope: Scope, input: MemberFields & { branchId: number }) {
  return db.transaction(async (tx) => {
    const branch = await loadBranch(tx, scope, input.branchId, canManageRoster);
    if ((await assertPhonesFree(tx, [input.phone])).length)
      throw new AppError("conflict", t.roster.phoneTaken, { phone: t.roster.phoneTaken });
    const [user] = await tx.insert(users).values({ name: input.name, phone: input.phone }).returning({ id: users.id });
    await tx.insert(members).values({ ...memberValues(input), userId: user.id, branchId: branch.id });
    await followBranches(tx, [branch.id]);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "roster.add",
      targetType: "member",
      targetId: user.id,
      nodePath: branch.path,
      detail: { name: input.name },
    });
    return { userId: user.id };
  });
}

export async function updateMember(db: Db, scope: Scope, input: MemberFields & { userId: number }) {
  return db.transaction(async (tx) => {
    const before = await loadManagedMember(tx, scope, input.userId);
    // The form shows the number masked; sent back unchanged it means "keep the number".
    if (input.phone.includes("*") && input.phone !== maskPhone(before.phone))
      throw new AppError("bad_request", t.validation.phone, { phone: t.validation.phone });
    input = { ...input, phone: input.phone.includes("*") ? before.phone : input.phone };
    if ((await assertPhonesFree(tx, [input.phone], input.userId)).length)
      throw new AppError("conflict", t.roster.phoneTaken, { phone: t.roster.phoneTaken });
    // The phone is what the account signs in with: moving it is taking charge of the account.
    if (input.phone !== before.phone) await loadManagedAccount(tx, scope, input.userId);
    await tx.update(users).set({ name: input.name, phone: input.phone }).where(eq(users.id, input.userId));
    await tx
      .update(members)
      .set({ ...memberValues(input), updatedAt: new Date() })
      .where(eq(members.userId, input.userId));
    await followBranches(tx, [before.branchId]);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "roster.update",
      targetType: "member",
      targetId: input.userId,
      nodePath: before.branchPath,
      detail: { ...memberValues(input), name: input.name, phoneChanged: before.phone !== input.phone },
    });
  });
}

/** Deactivating also disables the account and ends its sessions; reactivating restores both. */
export async function setMemberActive(db: Db, scope: Scope, input: { userId: number; active: boolean }) {
  return db.transaction(async (tx) => {
    const member = await loadManagedMember(tx, scope, input.userId);
    if (member.userId === scope.userId) throw new AppError("forbidden");
    // Deactivating disables the whole account, whatever roles it holds besides the membership.
    await loadManagedAccount(tx, scope, member.userId);
    await tx
      .update(members)
      .set({ active: input.active, updatedAt: new Date() })
      .where(eq(members.userId, member.userId));
    await followBranches(tx, [member.branchId]);
    await tx
      .update(users)
      .set({ active: input.active, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, member.userId));
    await writeAudit(tx, {
      actorId: scope.userId,
      action: input.active ? "roster.reactivate" : "roster.deactivate",
      targetType: "member",
      targetId: member.userId,
      nodePath: member.branchPath,
    });
  });
}

/** Phones of an import that already belong to an account. */
export async function takenPhones(db: Db, scope: Scope, input: { branchId: number; phones: string[] }) {
  await loadBranch(db, scope, input.branchId, canManageRoster);
  return new Set(await assertPhonesFree(db, input.phones));
}

/** Writes every row or none: one transaction, and any taken phone aborts it. */
export async function importMembers(db: Db, scope: Scope, input: { branchId: number; rows: MemberFields[] }) {
  return db.transaction(async (tx) => {
    const branch = await loadBranch(tx, scope, input.branchId, canManageRoster);
    const taken = await assertPhonesFree(
      tx,
      input.rows.map((r) => r.phone),
    );
    if (taken.length) throw new AppError("conflict", `${t.importer.phoneTaken}：${taken.map(maskPhone).join("、")}`);
    const created = await tx
      .insert(users)
      .values(input.rows.map((r) => ({ name: r.name, phone: r.phone })))
      .returning({ id: users.id, phone: users.phone });
    const idByPhone = new Map(created.map((u) => [u.phone, u.id]));
    await tx
      .insert(members)
      .values(input.rows.map((r) => ({ ...memberValues(r), userId: idByPhone.get(r.phone)!, branchId: branch.id })));
    await followBranches(tx, [branch.id]);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "roster.import",
      targetType: "org_node",
      targetId: branch.id,
      nodePath: branch.path,
      detail: { count: input.rows.length },
    });
    return { count: input.rows.length };
  });
}

function memberValues(input: MemberFields) {
  return {
    gender: input.gender,
    category: input.category,
    presence: input.presence,
    employment: input.employment,
    joinedOn: input.joinedOn ?? null,
  };
}

/** Branches whose roster the caller can read, for the workbench's branch picker. */
export async function readableBranches(db: Db, scope: Scope) {
  const roots = pathsReached(scope, BRANCH_SIDE_ROLES);
  if (roots.length === 0) return [];
  return db
    .select({ id: orgNodes.id, name: orgNodes.name, path: orgNodes.path, retiredCadre: orgNodes.retiredCadre })
    .from(orgNodes)
    .where(and(eq(orgNodes.kind, "branch"), pathUnder(orgNodes.path, roots)))
    .orderBy(asc(orgNodes.path));
}
