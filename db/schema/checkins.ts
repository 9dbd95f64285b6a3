import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { activities } from "./activities";
import { users } from "./users";

export const checkinMethod = pgEnum("checkin_method", ["qr", "code", "proxy"]);
/** An offline check-in waits for the secretary: the device's word alone does not make it count. */
export const checkinReview = pgEnum("checkin_review", ["pending", "confirmed", "rejected"]);

/**
 * One row per member per activity (the unique index makes a second scan "already checked in"), and one per
 * client id (a replay of the same request returns the stored first answer). docs/architecture.md#offline.
 */
export const checkins = pgTable(
  "checkins",
  {
    id: serial().primaryKey(),
    clientId: uuid().notNull(),
    activityId: integer()
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    method: checkinMethod().notNull(),
    /** Server time of arrival. */
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Device time of the scan, for offline replays. */
    scannedAt: timestamp({ withTimezone: true }),
    step: integer(),
    offline: boolean().notNull().default(false),
    late: boolean().notNull(),
    proxyBy: integer().references(() => users.id),
    proxyReason: text(),
    /** Set on offline check-ins only: pending until the secretary confirms or rejects it. */
    review: checkinReview(),
    reviewedBy: integer().references(() => users.id),
    /** The answer given the first time, returned again to a replay. */
    response: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex("checkins_client").on(t.clientId),
    uniqueIndex("checkins_activity_member").on(t.activityId, t.memberId),
  ],
);

export const disputeStatus = pgEnum("dispute_status", ["open", "upheld", "dismissed"]);

/** A member who says a proxy check-in recorded for them is wrong; the secretary and committee see it. */
export const checkinDisputes = pgTable(
  "checkin_disputes",
  {
    id: serial().primaryKey(),
    checkinId: integer()
      .notNull()
      .references(() => checkins.id, { onDelete: "cascade" }),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    reason: text().notNull(),
    status: disputeStatus().notNull().default("open"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedBy: integer().references(() => users.id),
    resolvedAt: timestamp({ withTimezone: true }),
    resolution: text(),
  },
  (t) => [index("checkin_disputes_checkin").on(t.checkinId)],
);

export type Checkin = typeof checkins.$inferSelect;
