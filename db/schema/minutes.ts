import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { MinutesFacts } from "../../lib/minutes";
import { activities, uploads } from "./activities";
import { users } from "./users";

/**
 * The minutes (会议记录) of one closed activity (docs/architecture.md#minutes). Only what people know is
 * kept here — chair, minute-taker, discussion, resolutions; the facts (time, place, roster outcomes, agenda
 * and evidence, dues) are read from the activity's own records, and copied into `facts` at sign-off so the
 * signed record never changes. After sign-off nothing here is updated: a correction is an addendum.
 */
export const minutes = pgTable(
  "minutes",
  {
    id: serial().primaryKey(),
    activityId: integer()
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    chairId: integer().references(() => users.id),
    recorderId: integer().references(() => users.id),
    discussion: text().notNull().default(""),
    resolutions: text().notNull().default(""),
    /** Bumped by every save: a save names the version it was made from, so of two editors one gets a conflict. */
    version: integer().notNull().default(1),
    updatedBy: integer()
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    signedBy: integer().references(() => users.id),
    signedAt: timestamp({ withTimezone: true }),
    /** The recorded facts as they stood at sign-off. */
    facts: jsonb().$type<MinutesFacts>(),
  },
  (t) => [
    uniqueIndex("minutes_activity").on(t.activityId),
    check("minutes_signed_whole", sql`(${t.signedAt} is null) = (${t.facts} is null)`),
  ],
);

/** A file attached to the minutes (a photo of the blackboard, a handout). Only while not signed. */
export const minutesAttachments = pgTable(
  "minutes_attachments",
  {
    id: serial().primaryKey(),
    minutesId: integer()
      .notNull()
      .references(() => minutes.id, { onDelete: "cascade" }),
    uploadId: integer()
      .notNull()
      .references(() => uploads.id),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("minutes_attachments_minutes").on(t.minutesId)],
);

/** A correction to signed minutes: who wrote it and when, never edited (补充说明). */
export const minutesAddenda = pgTable(
  "minutes_addenda",
  {
    id: serial().primaryKey(),
    minutesId: integer()
      .notNull()
      .references(() => minutes.id, { onDelete: "cascade" }),
    body: text().notNull(),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("minutes_addenda_minutes").on(t.minutesId),
    check("minutes_addenda_body", sql`length(${t.body}) between 1 and 2000`),
  ],
);

export type Minutes = typeof minutes.$inferSelect;
export type MinutesAddendum = typeof minutesAddenda.$inferSelect;
