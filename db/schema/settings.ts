import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { SMS_CAP_DEFAULT } from "../../lib/reach";
import { orgNodes } from "./org";

/** What the county decides for all its branches; one row per county, defaults until an admin changes them. */
export const countySettings = pgTable(
  "county_settings",
  {
    countyId: integer()
      .primaryKey()
      .references(() => orgNodes.id),
    /**
     * Members see their rank in the branch only when the county turns this on
     * (docs/architecture.md#the-theme-days-rules).
     */
    memberRanking: boolean().notNull().default(false),
    /** SMS to members where the provider is configured (docs/reminders-and-sms.md); the county may turn it off. */
    smsOn: boolean().notNull().default(true),
    /** SMS cost money: at most this many a calendar month (Asia/Shanghai), then the sender refuses. */
    smsMonthlyCap: integer().notNull().default(SMS_CAP_DEFAULT),
    /** The month `smsUsed` counts (2026-12), kept by the sender's guarded update. */
    smsMonth: text().notNull().default(""),
    smsUsed: integer().notNull().default(0),
    /** Scheduled reminders the county has switched off (lib/enums.ts reminderKinds). */
    remindersOff: text().array().notNull().default(sql`'{}'::text[]`),
    /** Days the county gives itself to answer a complaint or suggestion (投诉建议); past them it is overdue. */
    feedbackDays: integer().notNull().default(15),
    /**
     * 民主评议: 优秀 at most this share of a round's members, as a fraction (default 1/3;
     * docs/architecture.md#member-review).
     */
    reviewExcellentNumerator: integer().notNull().default(1),
    reviewExcellentDenominator: integer().notNull().default(3),
    /** Days the receiving branch has to accept a transfer before it is flagged overdue. */
    transferDueDays: integer().notNull().default(30),
    updatedBy: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "county_settings_review_share",
      sql`${t.reviewExcellentDenominator} between 1 and 100 and ${t.reviewExcellentNumerator} between 0
        and ${t.reviewExcellentDenominator}`,
    ),
  ],
);

export type CountySettings = typeof countySettings.$inferSelect;
