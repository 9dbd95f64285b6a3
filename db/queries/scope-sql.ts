import { or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * The SQL side of lib/scope-paths.ts: a materialised path lies under every path it starts with. Org paths
 * are digits and slashes only, so they need no LIKE escaping.
 */

type PathExpr = AnyPgColumn | SQL | string;

/** `column` lies under one of `roots`; false when there are none, so an empty reach matches nothing. */
export function pathUnder(column: AnyPgColumn | SQL, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((root) => sql`${column} like ${`${root}%`}`))!;
}

/** The node at `nodePath` is `path` itself or above it: whose grant there reaches `path`. */
export const nodeAbove = (nodePath: AnyPgColumn, path: PathExpr): SQL => sql`${path} like ${nodePath} || '%'`;
