import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { correctionStatuses } from "../../lib/enums";
import { orgNodes } from "./org";
import { users } from "./users";

/** Who has read which version of the privacy notice (lib/privacy.ts); a new version asks again. Append-only. */
export const privacyAcknowledgements = pgTable(
  "privacy_acknowledgements",
  {
    userId: integer()
      .notNull()
      .references(() => users.id),
    version: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.version] })],
);

/** A member asks their branch's secretary to correct their record (PIPL art. 46). */
export const correctionRequests = pgTable(
  "correction_requests",
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    branchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    body: text().notNull(),
    status: text({ enum: correctionStatuses }).notNull().default("open"),
    note: text(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("correction_requests_branch").on(t.branchId, t.status),
    check("correction_requests_body", sql`length(${t.body}) between 1 and 1000`),
  ],
);

export type CorrectionRequest = typeof correctionRequests.$inferSelect;

/**
 * A member confirms once a calendar year (Asia/Shanghai) that the record the app keeps of them is right
 * (db/queries/record-confirmation.ts); anything wrong goes through a correction request.
 */
export const recordConfirmations = pgTable(
  "record_confirmations",
  {
    memberId: integer()
      .notNull()
      .references(() => users.id),
    year: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.year] })],
);
