import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { canManageOrg, canSeePhone } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { orgNodes } from "../schema/org";
import { members, roleGrants, users } from "../schema/users";
import { writeAudit } from "./audit";

/**
 * One whole phone number, for someone whose work needs it: a member's to those who keep or read their
 * branch's roster (canSeePhone), a staff account's to whoever manages a node it holds a role on. Every
 * reveal is audited, so who looked at which number can be traced.
 */
export async function revealPhone(db: Db, scope: Scope, input: { userId: number }) {
  const [user] = await db
    .select({ id: users.id, phone: users.phone, branchPath: orgNodes.path })
    .from(users)
    .leftJoin(members, eq(members.userId, users.id))
    .leftJoin(orgNodes, eq(orgNodes.id, members.branchId))
    .where(eq(users.id, input.userId));
  if (!user) throw new AppError("not_found");
  const grantPaths = await db
    .select({ path: orgNodes.path })
    .from(roleGrants)
    .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
    .where(eq(roleGrants.userId, user.id));
  const allowed =
    (user.branchPath != null && canSeePhone(scope, { userId: user.id, branchPath: user.branchPath })) ||
    grantPaths.some((g) => canManageOrg(scope, g.path));
  if (!allowed) throw new AppError("forbidden");
  await writeAudit(db, {
    actorId: scope.userId,
    action: "privacy.unmask_phone",
    targetType: "user",
    targetId: user.id,
    nodePath: user.branchPath ?? grantPaths[0]?.path,
  });
  return { phone: user.phone };
}
