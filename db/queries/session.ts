import { and, eq } from "drizzle-orm";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { orgNodes } from "../schema/org";
import { members, roleGrants, users } from "../schema/users";
import { acknowledgedVersion } from "./privacy";
import { withEnrolmentRule } from "./totp";

export interface SessionUser {
  id: number;
  name: string;
  active: boolean;
  sessionVersion: number;
  scope: Scope;
  /** The newest privacy notice version acknowledged (lib/privacy.ts); 0 for none. */
  privacyVersion: number;
}

/** Everything a session carries about a user: who they are and where their roles reach. */
export async function loadSessionUser(db: Db, userId: number): Promise<SessionUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const grants = await db
    .select({ role: roleGrants.role, nodeId: roleGrants.nodeId, path: orgNodes.path })
    .from(roleGrants)
    .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
    .where(eq(roleGrants.userId, userId));
  const [member] = await db
    .select({ branchId: members.branchId, branchPath: orgNodes.path })
    .from(members)
    .innerJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(and(eq(members.userId, userId), eq(members.active, true)));
  const enrolment = await withEnrolmentRule(db, user.id, grants);
  return {
    id: user.id,
    name: user.name,
    active: user.active,
    sessionVersion: user.sessionVersion,
    privacyVersion: await acknowledgedVersion(db, user.id),
    scope: {
      userId: user.id,
      grants: enrolment.grants,
      member: member ?? null,
      ...(enrolment.mustEnrol ? { mustEnrol: true } : {}),
    },
  };
}

export async function findUserByPhone(db: Db, phone: string) {
  const [user] = await db.select().from(users).where(eq(users.phone, phone));
  return user ?? null;
}
