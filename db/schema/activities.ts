import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { orgNodes } from "./org";
import { users } from "./users";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The county's monthly theme-day plan (docs/architecture.md#the-theme-days-rules): one unified start time and one
 * agenda for every
 * branch. Revising the time or the mandatory items makes a new version, which every branch is told about.
 */
export const plans = pgTable(
  "plans",
  {
    id: serial().primaryKey(),
    countyId: integer()
      .notNull()
      .references(() => orgNodes.id),
    /** The month the plan is for, as 2026-12. */
    month: text().notNull(),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    /** The default place of every branch's theme day (often 各支部活动场所); each branch may set its own. */
    place: text().notNull().default(""),
    materials: text().notNull().default(""),
    links: jsonb().$type<{ title: string; url: string }[]>().notNull().default([]),
    version: integer().notNull().default(1),
    publishedBy: integer()
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("plans_county_month").on(t.countyId, t.month),
    check("plans_month_format", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("plans_duration", sql`${t.durationMinutes} between 15 and 480`),
  ],
);

export const agendaKind = pgEnum("agenda_kind", ["oath", "dues", "custom"]);

/** The plan's ordered agenda; oath renewal and dues collection are always there and always mandatory. */
export const planItems = pgTable(
  "plan_items",
  {
    id: serial().primaryKey(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    kind: agendaKind().notNull().default("custom"),
    title: text().notNull(),
    mandatory: boolean().notNull().default(false),
  },
  (t) => [uniqueIndex("plan_items_position").on(t.planId, t.position)],
);

export const activityType = pgEnum("activity_type", [
  "theme_day",
  "general_meeting",
  "committee_meeting",
  "group_meeting",
  "party_lecture",
  // The yearly two (docs/architecture.md#member-review): 组织生活会 and 民主评议党员.
  "org_life_meeting",
  "member_review",
]);
export const activityStatus = pgEnum("activity_status", ["scheduled", "closed"]);

/** One meeting of one branch: a theme day made from a plan, or one of 三会一课 set by the secretary. */
export const activities = pgTable(
  "activities",
  {
    id: serial().primaryKey(),
    branchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    planId: integer().references(() => plans.id),
    /** The plan version this activity follows. */
    planVersion: integer(),
    type: activityType().notNull(),
    title: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    place: text().notNull().default(""),
    materials: text().notNull().default(""),
    links: jsonb().$type<{ title: string; url: string }[]>().notNull().default([]),
    status: activityStatus().notNull().default("scheduled"),
    /**
     * When the expected roster stopped following the branch: stamped at the start by the roster job
     * (db/queries/expected-roster.ts); from then on no write changes who was expected.
     */
    rosterFrozenAt: timestamp({ withTimezone: true }),
    /** Key of the rotating check-in codes (lib/checkin-token.ts); given only to those who run the activity. */
    checkinSecret: text().notNull().default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: integer().references(() => users.id),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("activities_plan_branch").on(t.planId, t.branchId),
    index("activities_branch_start").on(t.branchId, t.startsAt),
    check("activities_theme_day_has_plan", sql`(${t.type} = 'theme_day') = (${t.planId} is not null)`),
  ],
);

/** An uploaded photo or document kept in the database, so the web tier stays stateless. */
export const uploads = pgTable("uploads", {
  id: serial().primaryKey(),
  mime: text().notNull(),
  size: integer().notNull(),
  bytes: bytea().notNull(),
  createdBy: integer()
    .notNull()
    .references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The activity's own copy of the agenda: mandatory steps must be marked done before it can close. */
export const activitySteps = pgTable(
  "activity_steps",
  {
    id: serial().primaryKey(),
    activityId: integer()
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    kind: agendaKind().notNull().default("custom"),
    title: text().notNull(),
    mandatory: boolean().notNull().default(false),
    doneAt: timestamp({ withTimezone: true }),
    doneBy: integer().references(() => users.id),
    note: text(),
    evidenceId: integer().references(() => uploads.id),
  },
  (t) => [uniqueIndex("activity_steps_position").on(t.activityId, t.position)],
);

export const outcome = pgEnum("attendance_outcome", ["present", "late", "leave", "absent"]);
export const attendanceSource = pgEnum("attendance_source", ["manual", "checkin", "proxy", "close", "leave", "host"]);

/**
 * The roster of an activity: one row per branch member, `expected` when at home at the start. Before the
 * start it follows the branch roster; from the start it is frozen. After closing every expected member has
 * exactly one outcome.
 */
export const attendance = pgTable(
  "attendance",
  {
    id: serial().primaryKey(),
    activityId: integer()
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    expected: boolean().notNull(),
    outcome: outcome(),
    source: attendanceSource(),
    note: text(),
    recordedBy: integer().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("attendance_activity_member").on(t.activityId, t.memberId),
    index("attendance_member").on(t.memberId),
  ],
);

export const noticeKind = pgEnum("notice_kind", [
  "activity",
  "reminder",
  "schedule_change",
  "plan_revision",
  "leave",
  "community",
  "points",
  "dispute",
  "place_change",
  "dues",
  "membership",
]);

/** One in-app message to one person; read receipts are what the secretary's "who has not read" shows. */
export const notices = pgTable(
  "notices",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    activityId: integer().references(() => activities.id, { onDelete: "cascade" }),
    kind: noticeKind().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("notices_user_unread").on(t.userId).where(sql`${t.readAt} is null`),
    index("notices_user_created").on(t.userId, t.createdAt),
    index("notices_activity").on(t.activityId),
  ],
);

export const changeStatus = pgEnum("schedule_change_status", [
  "pending_committee",
  "pending_county",
  "approved",
  "returned",
  "rejected",
]);

/**
 * The only path that moves a theme day: secretary asks → committee endorses (or returns) → county approves
 * (or rejects). At most one open request per activity.
 */
export const scheduleChanges = pgTable(
  "schedule_changes",
  {
    id: serial().primaryKey(),
    activityId: integer()
      .notNull()
      .references(() => activities.id),
    fromStartsAt: timestamp({ withTimezone: true }).notNull(),
    toStartsAt: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    status: changeStatus().notNull().default("pending_committee"),
    requestedBy: integer()
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    committeeBy: integer().references(() => users.id),
    committeeComment: text(),
    committeeAt: timestamp({ withTimezone: true }),
    countyBy: integer().references(() => users.id),
    countyComment: text(),
    countyAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("schedule_changes_one_open")
      .on(t.activityId)
      .where(sql`${t.status} in ('pending_committee', 'pending_county')`),
    index("schedule_changes_status").on(t.status),
  ],
);

export type Plan = typeof plans.$inferSelect;
export type PlanItem = typeof planItems.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type ActivityStep = typeof activitySteps.$inferSelect;
export type ActivityType = (typeof activityType.enumValues)[number];
export type Attendance = typeof attendance.$inferSelect;
export type Outcome = (typeof outcome.enumValues)[number];
export type Notice = typeof notices.$inferSelect;
export type ScheduleChange = typeof scheduleChanges.$inferSelect;
export type ChangeStatus = (typeof changeStatus.enumValues)[number];
