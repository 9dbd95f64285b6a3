import type { RoleName } from "./enums";
import { AppError } from "./errors";
import type { Grant, Scope } from "./scope";

/**
 * The one reading of a scope's grants: a role granted on a node reaches that node's subtree, and a
 * materialised path (`/1/3/7/`) lies under every path it starts with. Queries and pages ask the questions
 * below instead of reading `grants` themselves; db/queries/scope-sql.ts turns the paths into SQL.
 */

/** The roles that read the county's figures and the branches under them. */
export const REVIEWER_ROLES = ["committee_admin", "county_admin"] as const satisfies readonly RoleName[];

/** Every role but the grid worker's sits on the branch side of the tree. */
export const BRANCH_SIDE_ROLES = [
  "secretary",
  "committee_admin",
  "county_admin",
] as const satisfies readonly RoleName[];

/** True when `path` is `root` or lies in its subtree. */
export const isUnder = (path: string, root: string) => path.startsWith(root);

/** The caller's grants of one of `roles` (all grants when `roles` is left out). */
export function grantsOf(scope: Scope, roles?: readonly RoleName[]): Grant[] {
  return roles ? scope.grants.filter((g) => roles.includes(g.role)) : [...scope.grants];
}

/** The roles the caller holds anywhere. */
export const rolesHeld = (scope: Scope): Set<RoleName> => new Set(scope.grants.map((g) => g.role));

/** True when the caller holds one of `roles` somewhere (any role when left out). */
export const holdsRole = (scope: Scope, roles?: readonly RoleName[]) => grantsOf(scope, roles).length > 0;

/** True when one of `roles` is granted on `path` or on a node above it. */
export const reaches = (scope: Scope, path: string, roles: readonly RoleName[]) =>
  grantsOf(scope, roles).some((g) => isUnder(path, g.path));

/**
 * The roots of the subtrees that `roles` reach, each once: a root lying under another is left out, as the
 * other covers it. Empty when the caller holds none of the roles.
 */
export function pathsReached(scope: Scope, roles: readonly RoleName[]): string[] {
  const paths = [...new Set(grantsOf(scope, roles).map((g) => g.path))].sort((a, b) => a.length - b.length);
  return paths.filter((p, i) => !paths.slice(0, i).some((root) => isUnder(p, root)));
}

/** As `pathsReached`, for a question only those roles may ask: forbidden when they reach nothing. */
export function reachedPaths(scope: Scope, roles: readonly RoleName[]): string[] {
  const paths = pathsReached(scope, roles);
  if (paths.length === 0) throw new AppError("forbidden");
  return paths;
}

/** The caller's grants of one of `roles`, forbidden when there are none (for queries that need the node). */
export function requireGrants(scope: Scope, roles: readonly RoleName[]): Grant[] {
  const grants = grantsOf(scope, roles);
  if (grants.length === 0) throw new AppError("forbidden");
  return grants;
}

/** The county node the caller administers; forbidden for anyone else. */
export const countyGrant = (scope: Scope): Grant => requireGrants(scope, ["county_admin"])[0];

/** The branches a committee or county admin reviews (figures, schedule changes, the tree). */
export const reviewerPaths = (scope: Scope) => reachedPaths(scope, REVIEWER_ROLES);

/** The grids and communities a grid worker serves. */
export const servedPaths = (scope: Scope) => reachedPaths(scope, ["grid_worker"]);
