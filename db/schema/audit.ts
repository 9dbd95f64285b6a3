import { bigserial, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

export const auditOutcome = pgEnum("audit_outcome", ["ok", "denied", "failed"]);

/**
 * Append-only: a trigger (migration `audit_append_only`) refuses every UPDATE, and every DELETE of a row
 * younger than 180 days, so the log is kept at least that long (docs/security.md).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer().references(() => users.id),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    /** Path of the org node the write happened in, so a scoped reader can filter by prefix. */
    nodePath: text(),
    outcome: auditOutcome().notNull(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_at").on(t.at),
    index("audit_log_node_path").using("btree", t.nodePath.op("text_pattern_ops")),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type AuditOutcome = (typeof auditOutcome.enumValues)[number];
