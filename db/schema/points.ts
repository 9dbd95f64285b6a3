import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { capPeriods } from "../../lib/enums";
import { orgNodes } from "./org";
import { users } from "./users";

export const capPeriod = pgEnum("cap_period", capPeriods);

/**
 * The county's points rules (docs/architecture.md#the-theme-days-rules). A change is a new version with the day it
 * takes effect; an entry
 * names the version that was in force on the day of its source. Rules in one `capGroup` share their cap.
 */
export const pointRules = pgTable(
  "point_rules",
  {
    id: serial().primaryKey(),
    code: text().notNull(),
    version: integer().notNull(),
    points: numeric({ precision: 5, scale: 1, mode: "number" }).notNull(),
    capGroup: text(),
    cap: numeric({ precision: 6, scale: 1, mode: "number" }),
    capPeriod: capPeriod(),
    effectiveFrom: date({ mode: "string" }).notNull(),
    /** Null for the defaults the migration wrote. No foreign key: reseeding the people keeps the rules. */
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("point_rules_code_version").on(t.code, t.version),
    check("point_rules_points", sql`${t.points} between -100 and 100 and ${t.points} <> 0`),
    check("point_rules_cap", sql`(${t.cap} is null) = (${t.capPeriod} is null) and (${t.cap} is null or ${t.cap} > 0)`),
  ],
);

/**
 * The points ledger: append-only (a trigger refuses updates and deletes). Every entry names its rule and
 * version, its source record and who caused it. Each (source, member, rule) counts once; a correction is a
 * new entry reversing the old (`reversesId`), and each entry is reversed at most once.
 */
export const pointEntries = pgTable(
  "point_entries",
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    /** The member's branch when the entry was written: bulletins are per branch. */
    branchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    ruleId: integer().references(() => pointRules.id),
    /** The rule's code, or `manual` for a secretary's or admin's entry. */
    ruleCode: text().notNull(),
    points: numeric({ precision: 6, scale: 1, mode: "number" }).notNull(),
    sourceType: text().notNull(),
    sourceId: integer(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    causedBy: integer().references(() => users.id),
    reversesId: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("point_entries_once")
      .on(t.sourceType, t.sourceId, t.memberId, t.ruleCode)
      .where(sql`${t.reversesId} is null and ${t.sourceId} is not null`),
    uniqueIndex("point_entries_reversed_once").on(t.reversesId).where(sql`${t.reversesId} is not null`),
    index("point_entries_member_at").on(t.memberId, t.occurredAt),
    index("point_entries_branch_at").on(t.branchId, t.occurredAt),
    check("point_entries_reason", sql`length(${t.reason}) between 1 and 500`),
  ],
);

export const appealStatus = pgEnum("appeal_status", ["pending", "answered"]);

/** A member questions an entry; the secretary answers (and corrects the ledger if the member is right). */
export const pointAppeals = pgTable(
  "point_appeals",
  {
    id: serial().primaryKey(),
    entryId: integer()
      .notNull()
      .references(() => pointEntries.id),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    status: appealStatus().notNull().default("pending"),
    answer: text(),
    answeredBy: integer().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("point_appeals_one_open").on(t.entryId).where(sql`${t.status} = 'pending'`),
    check("point_appeals_reason", sql`length(${t.reason}) between 1 and 500`),
  ],
);

export type PointRule = typeof pointRules.$inferSelect;
export type PointEntry = typeof pointEntries.$inferSelect;
export type CapPeriod = (typeof capPeriod.enumValues)[number];
