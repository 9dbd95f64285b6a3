import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../open";
import { orgNodes } from "../schema/org";
import { type RoleName, roleGrants, users } from "../schema/users";
import { nodeAbove } from "./scope-sql";

/**
 * Active people granted `role` on the node at `path` or on one above it: whom a request made there goes to
 * (a branch's leave to its secretaries, a grid's reports to its grid workers). `except` leaves out the asker.
 * A disabled account is never told.
 */
export async function roleHoldersOver(
  db: Db,
  role: RoleName | readonly RoleName[],
  path: string,
  except?: number,
): Promise<number[]> {
  const roles = typeof role === "string" ? [role] : [...role];
  const rows = await db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .innerJoin(orgNodes, eq(orgNodes.id, roleGrants.nodeId))
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.role, roles),
        eq(users.active, true),
        except === undefined ? undefined : ne(roleGrants.userId, except),
        nodeAbove(orgNodes.path, path),
      ),
    );
  return rows.map((r) => r.userId);
}
