import { boolean, integer, pgTable, timestamp } from "drizzle-orm/pg-core";
import { orgNodes } from "./org";

/** What the county decides for all its branches; one row per county, defaults until an admin changes them. */
export const countySettings = pgTable("county_settings", {
  countyId: integer()
    .primaryKey()
    .references(() => orgNodes.id),
  /** Members see their rank in the branch only when the county turns this on (docs/architecture.md#the-theme-days-rules). */
  memberRanking: boolean().notNull().default(false),
  /** Days the receiving branch has to accept a transfer before it is flagged overdue. */
  transferDueDays: integer().notNull().default(30),
  updatedBy: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type CountySettings = typeof countySettings.$inferSelect;
