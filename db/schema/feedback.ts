import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { feedbackKinds, feedbackStatuses, feedbackSubjects } from "../../lib/enums";
import { orgNodes } from "./org";
import { users } from "./users";

/**
 * 投诉建议: a complaint or suggestion about the app or a branch's use of it (docs/privacy.md). It belongs to
 * the county: `path` is the county node's path, which no secretary's or committee's grant reaches, so the
 * branch it is about never sees it. Never deleted; the original never changes and the answer is written once
 * (the trigger of its migration).
 */
export const feedback = pgTable(
  "feedback",
  {
    id: serial().primaryKey(),
    /** What a signed-out sender keeps to look the answer up; unguessable, shown once. */
    receipt: text().notNull(),
    countyId: integer()
      .notNull()
      .references(() => orgNodes.id),
    path: text().notNull(),
    kind: text({ enum: feedbackKinds }).notNull(),
    subject: text({ enum: feedbackSubjects }).notNull(),
    branchId: integer().references(() => orgNodes.id),
    /** Null when sent from the sign-in page without an account. */
    senderId: integer().references(() => users.id),
    /** A signed-out sender's optional way to be reached. */
    contact: text(),
    /** Towards the branch: the county sees who sent it, and never passes the name on. */
    anonymous: boolean().notNull().default(false),
    body: text().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    status: text({ enum: feedbackStatuses }).notNull().default("open"),
    answer: text(),
    answeredBy: integer().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("feedback_receipt").on(t.receipt),
    index("feedback_sender").on(t.senderId),
    index("feedback_path_status").on(t.path, t.status),
    check("feedback_body", sql`length(${t.body}) between 1 and 2000`),
    check("feedback_branch", sql`(${t.subject} = 'branch') = (${t.branchId} is not null)`),
  ],
);

export type Feedback = typeof feedback.$inferSelect;

/** Public sends and receipt look-ups, per address, for their throttle (lib/feedback-throttle.ts); pruned daily. */
export const publicAttempts = pgTable(
  "public_attempts",
  {
    id: serial().primaryKey(),
    kind: text({ enum: ["feedback", "receipt"] }).notNull(),
    address: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("public_attempts_address").on(t.kind, t.address, t.createdAt)],
);
