import { and, eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { canReadRoster } from "@/lib/permissions";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { type OrgNode, orgNodes } from "../schema/org";

/**
 * A branch by id for a caller the rule allows on its path (reading its roster, unless another rule is named):
 * not found when no branch has the id, forbidden when the caller does not reach it. Pages show both as 404.
 */
export async function loadBranch(
  db: Db,
  scope: Scope,
  branchId: number,
  allowed: (scope: Scope, path: string) => boolean = canReadRoster,
): Promise<OrgNode> {
  const [branch] = await db
    .select()
    .from(orgNodes)
    .where(and(eq(orgNodes.id, branchId), eq(orgNodes.kind, "branch")));
  if (!branch) throw new AppError("not_found");
  if (!allowed(scope, branch.path)) throw new AppError("forbidden");
  return branch;
}
