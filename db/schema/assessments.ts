import { sql } from "drizzle-orm";
import { check, integer, numeric, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { assessmentTiers } from "../../lib/enums";
import { orgNodes } from "./org";
import { users } from "./users";

export const assessmentTier = pgEnum("assessment_tier", assessmentTiers);

/**
 * The county's yearly verdict on a branch or committee: the score computed when the tier was set,
 * kept with it so the record does not drift when later corrections change the inputs.
 */
export const assessments = pgTable(
  "assessments",
  {
    id: serial().primaryKey(),
    year: integer().notNull(),
    nodeId: integer()
      .notNull()
      .references(() => orgNodes.id),
    score: numeric({ precision: 5, scale: 1, mode: "number" }).notNull(),
    tier: assessmentTier().notNull(),
    note: text(),
    setBy: integer()
      .notNull()
      .references(() => users.id),
    setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("assessments_year_node").on(t.year, t.nodeId),
    check("assessments_note_len", sql`${t.note} is null or length(${t.note}) <= 500`),
  ],
);

export type Assessment = typeof assessments.$inferSelect;
export type AssessmentTier = (typeof assessmentTier.enumValues)[number];
