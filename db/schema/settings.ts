import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, timestamp } from "drizzle-orm/pg-core";
import { orgNodes } from "./org";

/** What the county decides for all its branches; one row per county, defaults until an admin changes them. */
export const countySettings = pgTable(
  "county_settings",
  {
    countyId: integer()
      .primaryKey()
      .references(() => orgNodes.id),
    /** Members see their rank in the branch only when the county turns this on (docs/architecture.md#the-theme-days-rules). */
    memberRanking: boolean().notNull().default(false),
    /** 民主评议: 优秀 at most this share of a round's members, as a fraction (default 1/3; docs/architecture.md#member-review). */
    reviewExcellentNumerator: integer().notNull().default(1),
    reviewExcellentDenominator: integer().notNull().default(3),
    updatedBy: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "county_settings_review_share",
      sql`${t.reviewExcellentDenominator} between 1 and 100 and ${t.reviewExcellentNumerator} between 0 and ${t.reviewExcellentDenominator}`,
    ),
  ],
);

export type CountySettings = typeof countySettings.$inferSelect;
