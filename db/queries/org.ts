import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { AppError } from "@/lib/errors";
import { t } from "@/lib/messages";
import { canManageOrg, childKinds, reaches, rolesFor } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import { requireGrants, reviewerPaths } from "@/lib/scope-paths";
import type { Db } from "../open";
import { type OrgKind, type OrgNode, orgNodes } from "../schema/org";
import { type RoleName, roleGrants, users } from "../schema/users";
import { writeAudit } from "./audit";
import { createPlannedActivities } from "./plans";
import { pathUnder } from "./scope-sql";

/** Loads a node; not-found and out-of-scope look the same, so probing learns nothing. */
export async function loadNode(
  db: Db,
  _scope: Scope,
  id: number,
  allowed: (path: string) => boolean,
): Promise<OrgNode> {
  const [node] = await db.select().from(orgNodes).where(eq(orgNodes.id, id));
  if (!node) throw new AppError("not_found");
  if (!allowed(node.path)) throw new AppError("forbidden");
  return node;
}

/** The nodes the caller administers (county or committee admin), in tree order. */
export async function listTree(db: Db, scope: Scope) {
  const roots = reviewerPaths(scope);
  return db.select().from(orgNodes).where(pathUnder(orgNodes.path, roots)).orderBy(asc(orgNodes.path));
}

export async function getNodeWithGrants(db: Db, scope: Scope, id: number) {
  const node = await loadNode(db, scope, id, (path) => reaches(scope, path, ["county_admin", "committee_admin"]));
  const grants = await db
    .select({ id: roleGrants.id, role: roleGrants.role, userId: users.id, name: users.name, phone: users.phone })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(eq(roleGrants.nodeId, id))
    .orderBy(asc(roleGrants.id));
  return { node, grants };
}

export async function createNode(
  db: Db,
  scope: Scope,
  input: { parentId: number; kind: OrgKind; name: string; retiredCadre: boolean },
) {
  return db.transaction(async (tx) => {
    const parent = await loadNode(tx, scope, input.parentId, (path) => canManageOrg(scope, path));
    if (!childKinds[parent.kind].includes(input.kind)) throw new AppError("bad_request", t.org.kindNotAllowed);
    // The path holds the node's own id, which exists only after the insert.
    const [row] = await tx
      .insert(orgNodes)
      .values({
        kind: input.kind,
        name: input.name,
        parentId: parent.id,
        path: `${parent.path}${randomUUID()}/`,
        retiredCadre: input.kind === "branch" && input.retiredCadre,
      })
      .returning({ id: orgNodes.id });
    const [node] = await tx
      .update(orgNodes)
      .set({ path: sql`${parent.path} || ${orgNodes.id} || '/'` })
      .where(eq(orgNodes.id, row.id))
      .returning();
    if (node.kind === "branch") await createPlannedActivities(tx, node, scope.userId);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "org.create",
      targetType: "org_node",
      targetId: node.id,
      nodePath: node.path,
      detail: { name: node.name, kind: node.kind },
    });
    return node;
  });
}

export async function renameNode(db: Db, scope: Scope, input: { nodeId: number; name: string }) {
  return db.transaction(async (tx) => {
    const node = await loadNode(tx, scope, input.nodeId, (path) => canManageOrg(scope, path));
    await tx.update(orgNodes).set({ name: input.name }).where(eq(orgNodes.id, node.id));
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "org.rename",
      targetType: "org_node",
      targetId: node.id,
      nodePath: node.path,
      detail: { from: node.name, to: input.name },
    });
  });
}

/**
 * Appoints a person to a role on a node. The person is found by phone; a new one (a grid worker who is not
 * a Party member, say) is created when a name is given, and activates their account with a code.
 */
export async function grantRole(
  db: Db,
  scope: Scope,
  input: { nodeId: number; role: RoleName; phone: string; name?: string },
) {
  return db.transaction(async (tx) => {
    const node = await loadNode(tx, scope, input.nodeId, (path) => canManageOrg(scope, path));
    if (!rolesFor[node.kind].includes(input.role)) throw new AppError("bad_request", t.org.roleNotAllowed);
    let [user] = await tx.select().from(users).where(eq(users.phone, input.phone));
    if (!user) {
      if (!input.name) throw new AppError("bad_request", t.org.userNotFound, { name: t.org.userNotFound });
      [user] = await tx.insert(users).values({ name: input.name, phone: input.phone }).returning();
    } else if (input.name && input.name !== user.name) {
      throw new AppError("conflict", `${t.org.nameDiffers}${user.name}`, { name: `${t.org.nameDiffers}${user.name}` });
    }
    const inserted = await tx
      .insert(roleGrants)
      .values({ userId: user.id, role: input.role, nodeId: node.id })
      .onConflictDoNothing()
      .returning({ id: roleGrants.id });
    if (inserted.length > 0) await endSessionsOf(tx, user.id);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "role.grant",
      targetType: "user",
      targetId: user.id,
      nodePath: node.path,
      detail: { role: input.role, nodeId: node.id, already: inserted.length === 0 },
    });
    return { userId: user.id };
  });
}

export async function revokeRole(db: Db, scope: Scope, input: { grantId: number }) {
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .select({
        id: roleGrants.id,
        userId: roleGrants.userId,
        role: roleGrants.role,
        nodeId: roleGrants.nodeId,
        path: orgNodes.path,
      })
      .from(roleGrants)
      .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
      .where(eq(roleGrants.id, input.grantId));
    if (!grant) throw new AppError("not_found");
    if (!canManageOrg(scope, grant.path)) throw new AppError("forbidden");
    // An admin cannot remove their own county role: the county would be left without one by accident.
    if (grant.userId === scope.userId && grant.role === "county_admin") throw new AppError("forbidden");
    await tx.delete(roleGrants).where(and(eq(roleGrants.id, grant.id)));
    await endSessionsOf(tx, grant.userId);
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "role.revoke",
      targetType: "user",
      targetId: grant.userId,
      nodePath: grant.path,
      detail: { role: grant.role, nodeId: grant.nodeId },
    });
  });
}

/** A changed role ends the person's sessions (within a minute, auth.ts): they sign in again to the new scope. */
async function endSessionsOf(db: Db, userId: number) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/** The grids (or whole communities) a grid worker serves, each with its community's name. */
export async function gridsOf(db: Db, scope: Scope) {
  const ids = requireGrants(scope, ["grid_worker"]).map((g) => g.nodeId);
  const parent = alias(orgNodes, "parent");
  return db
    .select({ id: orgNodes.id, name: orgNodes.name, kind: orgNodes.kind, parentName: parent.name })
    .from(orgNodes)
    .leftJoin(parent, eq(parent.id, orgNodes.parentId))
    .where(inArray(orgNodes.id, ids))
    .orderBy(asc(orgNodes.path));
}
