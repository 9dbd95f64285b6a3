import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { duesChannels, duesKinds } from "../../lib/enums";
import { activities } from "./activities";
import { orgNodes } from "./org";
import { users } from "./users";

export const duesKind = pgEnum("dues_kind", duesKinds);
export const duesChannel = pgEnum("dues_channel", duesChannels);

/**
 * A member's dues base (党费基数), declared by the member or entered by the secretary, in force from a month
 * on: the latest declared for a month governs it (lib/dues.ts baseFor). Never edited: a new declaration is a
 * new row, so every month's amount can be traced to the base it came from. The base is sensitive
 * (docs/security.md): it leaves the data layer masked except to the member, their secretary and the county.
 */
export const duesBases = pgTable(
  "dues_bases",
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    /** The first month it governs, as 2026-12. */
    fromMonth: text().notNull(),
    kind: duesKind().notNull(),
    /** Monthly income after tax and social insurance, or the pension, in fen; null for the fixed kinds. */
    baseFen: integer(),
    declaredBy: integer()
      .notNull()
      .references(() => users.id),
    declaredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("dues_bases_member").on(t.memberId, t.fromMonth),
    check("dues_bases_month", sql`${t.fromMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      "dues_bases_fen",
      sql`(${t.kind} in ('student', 'unemployed', 'low_income')) = (${t.baseFen} is null) and (${t.baseFen} is null
        or ${t.baseFen} between 0 and 100000000)`,
    ),
  ],
);

/**
 * The dues ledger: append-only (a trigger refuses updates and deletes). One payment per member and month
 * while it stands; a correction is a reversing entry (negative, `reversesId`), after which the month can be
 * paid again. `clientId` makes a retried form or a second tap the same entry, never a second one.
 */
export const duesEntries = pgTable(
  "dues_entries",
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    /** The member's branch when it was paid: the branch's sheet counts it. */
    branchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    /** The month paid for, as 2026-12. */
    month: text().notNull(),
    amountFen: integer().notNull(),
    /** What was due for the month when it was paid, for the sheet and for "paid less, with a reason". */
    dueFen: integer().notNull(),
    channel: duesChannel().notNull(),
    activityId: integer().references(() => activities.id),
    /** 代缴: who handed the money over for the member; null when the member paid themself. */
    payerName: text(),
    /** Why less than due was paid, or why an entry is reversed. */
    note: text(),
    clientId: text(),
    reversesId: integer(),
    recordedBy: integer()
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("dues_entries_client_month").on(t.clientId, t.month).where(sql`${t.clientId} is not null`),
    uniqueIndex("dues_entries_reversed_once").on(t.reversesId).where(sql`${t.reversesId} is not null`),
    index("dues_entries_member_month").on(t.memberId, t.month),
    index("dues_entries_branch_at").on(t.branchId, t.recordedAt),
    index("dues_entries_activity").on(t.activityId),
    check("dues_entries_month", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      "dues_entries_amount",
      sql`${t.amountFen} <> 0 and abs(${t.amountFen}) <= 10000000 and (${t.reversesId} is null) = (${t.amountFen} > 0)`,
    ),
  ],
);

export type DuesBaseRow = typeof duesBases.$inferSelect;
export type DuesEntry = typeof duesEntries.$inferSelect;
