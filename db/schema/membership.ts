import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { activities, uploads } from "./activities";
import { orgNodes } from "./org";
import { users } from "./users";

/**
 * A member's life in the county (docs/architecture.md#membership-history): transfers between its branches
 * (组织关系转接), status events (转正, death, 出党, transfer out of or into the county) and spells away
 * (流动党员). `members.branchId` is always the branch now; where the member was at an earlier instant is
 * read from the accepted transfers (db/queries/membership-periods.ts), so history keeps its branch.
 */

export const transferStatus = pgEnum("transfer_status", ["pending", "accepted", "returned", "withdrawn"]);

/** A transfer inside the county: the sending secretary starts it, the receiving one accepts or returns it. */
export const memberTransfers = pgTable(
  "member_transfers",
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    fromBranchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    toBranchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    reason: text().notNull(),
    status: transferStatus().notNull().default("pending"),
    requestedBy: integer()
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** requestedAt plus the county's deadline at the time of the request; past it a pending transfer is overdue. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    /** The last time someone above both branches chased it. */
    chasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("member_transfers_one_open").on(t.memberId).where(sql`${t.status} = 'pending'`),
    index("member_transfers_member_decided").on(t.memberId, t.decidedAt),
    index("member_transfers_to").on(t.toBranchId, t.status),
    index("member_transfers_from").on(t.fromBranchId, t.status),
    check("member_transfers_other_branch", sql`${t.fromBranchId} <> ${t.toBranchId}`),
    check("member_transfers_reason", sql`length(${t.reason}) between 1 and 500`),
  ],
);

export const memberEventKind = pgEnum("member_event_kind", [
  "made_full",
  "died",
  "left_party",
  "transferred_out",
  "transferred_in",
]);

/** A dated, audited change of a member's standing; each is shown in the roster's history. */
export const memberEvents = pgTable(
  "member_events",
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    branchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    kind: memberEventKind().notNull(),
    /** The day it took effect (转正 date, date of death, the letter's date). */
    effectiveOn: date({ mode: "string" }).notNull(),
    /** The branch meeting's decision, the letter's number, or what the record rests on. */
    reference: text().notNull(),
    /** For a transfer out of or into the county: where to, or where from. */
    counterpart: text(),
    recordedBy: integer()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("member_events_member").on(t.memberId, t.effectiveOn),
    check("member_events_reference", sql`length(${t.reference}) between 1 and 200`),
  ],
);

/** A spell away (流动党员): where, until when, which organisation there, and how the branch keeps in touch. */
export const awaySpells = pgTable(
  "away_spells",
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    branchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    place: text().notNull(),
    /** The branch or 流动党员党支部 they join there, as free text when it is outside the county. */
    hostOrg: text().notNull().default(""),
    contact: text().notNull().default(""),
    startedOn: date({ mode: "string" }).notNull(),
    until: date({ mode: "string" }).notNull(),
    /** Set when the member is back on the roster at home. */
    endedAt: timestamp({ withTimezone: true }),
    /** When the member was told the spell has run out, so they are told once. */
    remindedAt: timestamp({ withTimezone: true }),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("away_spells_one_open").on(t.memberId).where(sql`${t.endedAt} is null`),
    check("away_spells_dates", sql`${t.until} >= ${t.startedOn}`),
  ],
);

export const awayReportStatus = pgEnum("away_report_status", ["pending", "confirmed"]);

/** An away member took part in a theme day where they are; once confirmed it counts as present elsewhere. */
export const awayReports = pgTable(
  "away_reports",
  {
    id: serial().primaryKey(),
    spellId: integer()
      .notNull()
      .references(() => awaySpells.id),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    activityId: integer()
      .notNull()
      .references(() => activities.id),
    note: text().notNull(),
    /** A photo, never required. */
    photoId: integer().references(() => uploads.id),
    status: awayReportStatus().notNull().default("pending"),
    confirmedBy: integer().references(() => users.id),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("away_reports_once").on(t.activityId, t.memberId),
    check("away_reports_note", sql`length(${t.note}) between 1 and 500`),
  ],
);

export type MemberTransfer = typeof memberTransfers.$inferSelect;
export type TransferStatus = (typeof transferStatus.enumValues)[number];
export type MemberEvent = typeof memberEvents.$inferSelect;
export type MemberEventKind = (typeof memberEventKind.enumValues)[number];
export type AwaySpell = typeof awaySpells.$inferSelect;
export type AwayReport = typeof awayReports.$inferSelect;
