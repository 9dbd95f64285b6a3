import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { reviewGrades } from "../../lib/enums";
import { activities } from "./activities";
import { orgNodes } from "./org";
import { users } from "./users";

export const reviewGrade = pgEnum("review_grade", reviewGrades);
export const reviewRoundStatus = pgEnum("review_round_status", ["voting", "counted"]);

/**
 * One branch's 民主评议党员 of one year, held at its `member_review` activity (docs/architecture.md#member-review).
 * `voting` takes self-assessments and ballots; `counted` shows the tallies and takes proposals and decisions.
 * The 优秀 share is the county's setting when the round was made, so a later change does not move a round.
 */
export const reviewRounds = pgTable(
  "review_rounds",
  {
    id: serial().primaryKey(),
    activityId: integer()
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    branchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    year: integer().notNull(),
    status: reviewRoundStatus().notNull().default("voting"),
    excellentNumerator: integer().notNull(),
    excellentDenominator: integer().notNull(),
    countedAt: timestamp({ withTimezone: true }),
    countedBy: integer().references(() => users.id),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("review_rounds_activity").on(t.activityId),
    uniqueIndex("review_rounds_branch_year").on(t.branchId, t.year),
    check(
      "review_rounds_share",
      sql`${t.excellentDenominator} > 0 and ${t.excellentNumerator} between 0 and ${t.excellentDenominator}`,
    ),
  ],
);

/**
 * A member evaluated in the round (every active member of the branch when it was made), with their
 * self-assessment, the committee's proposed grade and the secretary's decision: the result kept per year.
 */
export const reviewSubjects = pgTable(
  "review_subjects",
  {
    id: serial().primaryKey(),
    roundId: integer()
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    memberId: integer()
      .notNull()
      .references(() => users.id),
    selfAssessment: text(),
    selfAssessedAt: timestamp({ withTimezone: true }),
    proposedGrade: reviewGrade(),
    proposedReason: text(),
    proposedBy: integer().references(() => users.id),
    proposedAt: timestamp({ withTimezone: true }),
    grade: reviewGrade(),
    gradeReason: text(),
    decidedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("review_subjects_round_member").on(t.roundId, t.memberId),
    index("review_subjects_member").on(t.memberId),
    check(
      "review_subjects_unqualified_reason",
      sql`${t.grade} is distinct from 'unqualified' or ${t.gradeReason} is not null`,
    ),
  ],
);

/**
 * Who has voted in a round, and nothing else: no grade, no subject, no time. Its primary key is what makes
 * a member's second ballot fail, whichever of two concurrent submits comes second.
 */
export const reviewVoters = pgTable(
  "review_voters",
  {
    roundId: integer()
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    memberId: integer()
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.memberId] })],
);

/**
 * The ballot box, which only counts: one counter per (round, subject, grade), made at zero with the round and
 * raised by each ballot in the same transaction that records its voter. No ballot row exists, so there is
 * no voter, time, id or insertion order to join a grade to the person who gave it.
 */
export const reviewTallies = pgTable(
  "review_tallies",
  {
    roundId: integer()
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    subjectId: integer()
      .notNull()
      .references(() => reviewSubjects.id, { onDelete: "cascade" }),
    grade: reviewGrade().notNull(),
    votes: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.subjectId, t.grade] }),
    check("review_tallies_votes", sql`${t.votes} >= 0`),
  ],
);

export type ReviewRound = typeof reviewRounds.$inferSelect;
export type ReviewSubject = typeof reviewSubjects.$inferSelect;
