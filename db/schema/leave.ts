import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { leaveStatuses } from "../../lib/enums";
import { activities, uploads } from "./activities";
import { users } from "./users";

export const leaveType = pgEnum("leave_type", ["sick", "official", "personal", "other"]);
export const leaveStatus = pgEnum("leave_status", leaveStatuses);

/**
 * A member's request to be excused from one activity (docs/architecture.md#the-theme-days-rules "Same attendance").
 * `clientId` makes the
 * offline outbox's replays harmless (§7); the partial unique index keeps at most one live request — pending
 * or approved — per member and activity, so a rejected or withdrawn one may be followed by a new one.
 */
export const leaveRequests = pgTable(
  "leave_requests",
  {
    id: serial().primaryKey(),
    clientId: uuid().notNull(),
    activityId: integer()
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    type: leaveType().notNull(),
    reason: text().notNull(),
    attachmentId: integer().references(() => uploads.id),
    status: leaveStatus().notNull().default("pending"),
    /** Given after the start: only a reason for not having come, which the secretary may accept. */
    late: boolean().notNull().default(false),
    /** The member themself today; a secretary filing for a member without a phone later. */
    filedBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    comment: text(),
    withdrawnAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("leave_requests_client").on(t.clientId),
    uniqueIndex("leave_requests_one_live")
      .on(t.activityId, t.memberId)
      .where(sql`${t.status} in ('pending', 'approved')`),
    index("leave_requests_activity_status").on(t.activityId, t.status),
    index("leave_requests_member").on(t.memberId),
    check("leave_requests_reason", sql`length(${t.reason}) between 1 and 500`),
  ],
);

/**
 * The make-up study (补学) owed for an approved leave: read the activity's materials and write a reflection,
 * which the secretary confirms. Made when the leave is approved, removed if the approval is reversed.
 */
export const makeupTasks = pgTable(
  "makeup_tasks",
  {
    id: serial().primaryKey(),
    leaveId: integer()
      .notNull()
      .references(() => leaveRequests.id, { onDelete: "cascade" }),
    activityId: integer()
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    reflection: text(),
    submittedAt: timestamp({ withTimezone: true }),
    confirmedBy: integer().references(() => users.id),
    confirmedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("makeup_tasks_leave").on(t.leaveId),
    index("makeup_tasks_activity").on(t.activityId),
    index("makeup_tasks_member").on(t.memberId),
    check("makeup_tasks_reflection", sql`${t.reflection} is null or length(${t.reflection}) between 50 and 2000`),
  ],
);

export type LeaveRequest = typeof leaveRequests.$inferSelect;
export type LeaveType = (typeof leaveType.enumValues)[number];
export type LeaveStatus = (typeof leaveStatus.enumValues)[number];
export type MakeupTask = typeof makeupTasks.$inferSelect;
