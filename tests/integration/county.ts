import { and, eq, ne, notInArray } from "drizzle-orm";
import { seedDemo } from "@/db/seed";
import { findUserByPhone, loadSessionUser } from "@/db/queries/session";
import { orgNodes } from "@/db/schema/org";
import { members, roleGrants } from "@/db/schema/users";
import type { Scope } from "@/lib/scope";
import { testDb } from "./db";

export const phones = { countyAdmin: "13800000001", committeeAdmin: "13800000002", secretary: "13800000003", member: "13800000004", gridWorker: "13800000005" };

/** A fresh database holding the demo county, and the scopes of the people in it. */
export async function demoCounty() {
  const { db, close } = await testDb();
  await seedDemo(db);
  const scopeOf = async (phone: string): Promise<Scope> => {
    const user = await findUserByPhone(db, phone);
    if (!user) throw new Error(`no demo user ${phone}`);
    return (await loadSessionUser(db, user.id))!.scope;
  };
  const secretary = await scopeOf(phones.secretary);
  const home = secretary.member!.branchId;
  // Some other branch, its secretary and one of its members: the "foreign" objects of the scope tests.
  const [other] = await db
    .select({ branchId: roleGrants.nodeId, secretaryId: roleGrants.userId, path: orgNodes.path })
    .from(roleGrants)
    .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
    .where(and(eq(roleGrants.role, "secretary"), ne(roleGrants.nodeId, home)))
    .orderBy(roleGrants.id);
  const [foreignMember] = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.branchId, other.branchId), ne(members.userId, other.secretaryId)))
    .orderBy(members.userId);
  // Not the demo member either: tests sign in as them with the demo password.
  const demoMember = await scopeOf(phones.member);
  const [ownMember] = await db
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.branchId, home), notInArray(members.userId, [secretary.userId, demoMember.userId])))
    .orderBy(members.userId);
  return {
    db,
    close,
    scopeOf,
    secretary,
    homeBranchId: home,
    otherBranchId: other.branchId,
    otherBranchPath: other.path,
    foreignMemberId: foreignMember.userId,
    ownMemberId: ownMember.userId,
  };
}
