import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgNodes } from "./org";
import { users } from "./users";

/** Service posts a community offers to the members who report there (楼栋长, 政策宣传, …). */
export const servicePosts = pgTable(
  "service_posts",
  {
    id: serial().primaryKey(),
    communityId: integer()
      .notNull()
      .references(() => orgNodes.id),
    name: text().notNull(),
    active: boolean().notNull().default(true),
  },
  (t) => [
    uniqueIndex("service_posts_name").on(t.communityId, t.name),
    check("service_posts_name_len", sql`length(trim(${t.name})) between 1 and 20`),
  ],
);

export const reportStatus = pgEnum("report_status", ["pending", "confirmed", "returned", "ended"]);

/**
 * An in-office member's report to the community where they live (在职党员进社区报到). A report is current for
 * six months from its confirmation; renewing or moving is a new report, and confirming it ends the one before.
 * At most one pending and one confirmed report per member at any time.
 */
export const communityReports = pgTable(
  "community_reports",
  {
    id: serial().primaryKey(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    communityId: integer()
      .notNull()
      .references(() => orgNodes.id),
    gridId: integer()
      .notNull()
      .references(() => orgNodes.id),
    status: reportStatus().notNull().default("pending"),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    /** Why it was returned, for the member to fix and report again. */
    comment: text(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("community_reports_one_pending").on(t.memberId).where(sql`${t.status} = 'pending'`),
    uniqueIndex("community_reports_one_confirmed").on(t.memberId).where(sql`${t.status} = 'confirmed'`),
    index("community_reports_grid_status").on(t.gridId, t.status),
    check("community_reports_note_len", sql`${t.note} is null or length(${t.note}) <= 200`),
  ],
);

export const reportPosts = pgTable(
  "report_posts",
  {
    reportId: integer()
      .notNull()
      .references(() => communityReports.id, { onDelete: "cascade" }),
    postId: integer()
      .notNull()
      .references(() => servicePosts.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.postId] })],
);

/** A volunteer activity (我为群众办实事) posted by a grid worker for the members reported to the community. */
export const serviceActivities = pgTable(
  "service_activities",
  {
    id: serial().primaryKey(),
    communityId: integer()
      .notNull()
      .references(() => orgNodes.id),
    /** The grid it is held in; null when the community as a whole holds it. */
    gridId: integer().references(() => orgNodes.id),
    title: text().notNull(),
    place: text().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    minutes: integer().notNull(),
    capacity: integer().notNull(),
    postId: integer().references(() => servicePosts.id),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("service_activities_community_starts").on(t.communityId, t.startsAt),
    check("service_activities_minutes", sql`${t.minutes} between 30 and 720`),
    check("service_activities_capacity", sql`${t.capacity} between 1 and 500`),
  ],
);

export const serviceSignups = pgTable(
  "service_signups",
  {
    id: serial().primaryKey(),
    activityId: integer()
      .notNull()
      .references(() => serviceActivities.id),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("service_signups_one_live").on(t.activityId, t.memberId).where(sql`${t.cancelledAt} is null`),
    index("service_signups_member").on(t.memberId),
  ],
);

export const hoursStatus = pgEnum("hours_status", ["submitted", "confirmed", "rejected", "superseded"]);

/**
 * Volunteer hours, in half-hour steps. Whoever records an entry vouches for it: a grid worker's entry is
 * confirmed at once, a member's own waits for the grid worker. Hours are never edited: an adjustment or a
 * correction is a new confirmed entry that supersedes the old one (`replacesId`). `clientId` makes the
 * offline outbox's replays harmless.
 */
export const volunteerHours = pgTable(
  "volunteer_hours",
  {
    id: serial().primaryKey(),
    clientId: uuid().notNull(),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    communityId: integer()
      .notNull()
      .references(() => orgNodes.id),
    gridId: integer()
      .notNull()
      .references(() => orgNodes.id),
    activityId: integer().references(() => serviceActivities.id),
    servedOn: date({ mode: "string" }).notNull(),
    halfHours: integer().notNull(),
    description: text().notNull(),
    status: hoursStatus().notNull(),
    replacesId: integer(),
    recordedBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    comment: text(),
  },
  (t) => [
    uniqueIndex("volunteer_hours_client").on(t.clientId),
    uniqueIndex("volunteer_hours_one_per_activity")
      .on(t.activityId, t.memberId)
      .where(sql`${t.activityId} is not null and ${t.status} in ('submitted', 'confirmed')`),
    index("volunteer_hours_member_day").on(t.memberId, t.servedOn),
    index("volunteer_hours_grid_status").on(t.gridId, t.status),
    check("volunteer_hours_half_hours", sql`${t.halfHours} between 1 and 24`),
    check("volunteer_hours_description_len", sql`length(${t.description}) between 1 and 500`),
  ],
);

export type ServicePost = typeof servicePosts.$inferSelect;
export type CommunityReport = typeof communityReports.$inferSelect;
export type ServiceActivity = typeof serviceActivities.$inferSelect;
export type VolunteerHours = typeof volunteerHours.$inferSelect;
export type ReportStatus = (typeof reportStatus.enumValues)[number];
export type HoursStatus = (typeof hoursStatus.enumValues)[number];
