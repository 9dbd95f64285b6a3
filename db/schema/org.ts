import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { orgKinds } from "../../lib/enums";

/**
 * One tree for the whole county. The Party side is county → committee → branch; the community side is
 * county → community → grid. `path` is materialised ("/1/3/7/") so that "this node and everything under it"
 * is a prefix match, which is how every scope check works (docs/architecture.md#scope).
 */
export const orgKind = pgEnum("org_kind", orgKinds);

export const orgNodes = pgTable(
  "org_nodes",
  {
    id: serial().primaryKey(),
    kind: orgKind().notNull(),
    name: text().notNull(),
    parentId: integer().references((): AnyPgColumn => orgNodes.id),
    path: text().notNull().unique(),
    retiredCadre: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("org_nodes_path_prefix").using("btree", t.path.op("text_pattern_ops")),
    index("org_nodes_parent").on(t.parentId),
    check("org_nodes_name_not_blank", sql`length(trim(${t.name})) > 0`),
  ],
);

export type OrgNode = typeof orgNodes.$inferSelect;
export type OrgKind = (typeof orgKind.enumValues)[number];
