import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { reminderKinds } from "../../lib/enums";
import { activities, notices } from "./activities";
import { users } from "./users";

export const deliveryChannel = pgEnum("delivery_channel", ["push", "sms"]);
export const deliveryStatus = pgEnum("delivery_status", ["queued", "sent", "failed", "skipped"]);

/**
 * How one notice reached (or failed to reach) its reader over one channel beyond the in-app notice, whose
 * own state is its `readAt` (docs/reminders-and-sms.md). Written in the notice's transaction; the SMS
 * sender claims queued rows with a lease as the push outbox does, so a crash after the commit loses nothing
 * and two instances never send one row at once. `reason` is a short code (lib/reach.ts) the secretary sees.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    noticeId: integer()
      .notNull()
      .references(() => notices.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    channel: deliveryChannel().notNull(),
    status: deliveryStatus().notNull().default("queued"),
    reason: text(),
    /** The county whose monthly SMS cap the message counts against. */
    countyId: integer(),
    /** The activity's start when the notice is about one: quiet hours give way when it is sooner. */
    activityStartsAt: timestamp({ withTimezone: true }),
    attempts: smallint().notNull().default(0),
    notBefore: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The provider's id for the message (Aliyun's BizId). */
    providerId: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_notice_channel").on(t.noticeId, t.channel),
    index("deliveries_due").on(t.notBefore).where(sql`${t.status} = 'queued'`),
    index("deliveries_user").on(t.userId),
  ],
);

export const reminderKind = pgEnum("reminder_kind", reminderKinds);

/**
 * The scheduler (docs/reminders-and-sms.md#the-scheduler): one row per reminder that will fire, keyed so a
 * reminder is scheduled once. Claimed with `for update skip locked` inside the transaction that sends its
 * notices and marks it done, so it fires once across instances and again after a crash before the commit.
 */
export const scheduledJobs = pgTable(
  "scheduled_jobs",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    kind: reminderKind().notNull(),
    /** What it is about; unique with the kind (one evening-before reminder per activity). */
    activityId: integer().references(() => activities.id, { onDelete: "cascade" }),
    runAt: timestamp({ withTimezone: true }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
    /** What happened: how many were told, or why nobody was. */
    outcome: jsonb().$type<{ told?: number; skipped?: string }>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("scheduled_jobs_kind_activity").on(t.kind, t.activityId),
    index("scheduled_jobs_due").on(t.runAt).where(sql`${t.doneAt} is null`),
  ],
);

/** The secretary's "已电话通知": an expected member told by phone, once per activity (audited). */
export const phoneNotes = pgTable(
  "phone_notes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    activityId: integer()
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    notedBy: integer()
      .notNull()
      .references(() => users.id),
    notedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("phone_notes_activity_member").on(t.activityId, t.memberId)],
);

export type Delivery = typeof deliveries.$inferSelect;
export type ScheduledJob = typeof scheduledJobs.$inferSelect;
