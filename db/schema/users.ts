import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { roleNames } from "../../lib/enums";
import { orgNodes } from "./org";

/** Anyone who signs in: members, secretaries, grid workers, admins. */
export const users = pgTable("users", {
  id: serial().primaryKey(),
  name: text().notNull(),
  phone: text().notNull().unique(),
  /** Null until the person activates the account with a code. */
  passwordHash: text(),
  active: boolean().notNull().default(true),
  /** Bumped to end every session of this user (disable, role change, password change). */
  sessionVersion: integer().notNull().default(0),
  /** 长辈模式: larger text and buttons, a reduced home; remembered per person. */
  elderMode: boolean().notNull().default(false),
  /** The person asked for no SMS (docs/reminders-and-sms.md); in-app and push still reach them. */
  smsMuted: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const memberCategory = pgEnum("member_category", ["formal", "probationary"]);
export const memberPresence = pgEnum("member_presence", ["home", "away"]);
export const memberEmployment = pgEnum("member_employment", ["in_office", "retired"]);
export const gender = pgEnum("gender", ["male", "female"]);

/** The Party-member record of a user: one branch at a time. */
export const members = pgTable(
  "members",
  {
    userId: integer()
      .primaryKey()
      .references(() => users.id),
    branchId: integer()
      .notNull()
      .references(() => orgNodes.id),
    gender: gender().notNull(),
    category: memberCategory().notNull().default("formal"),
    presence: memberPresence().notNull().default("home"),
    employment: memberEmployment().notNull().default("in_office"),
    joinedOn: date(),
    active: boolean().notNull().default(true),
    /**
     * When the member left the county's rolls (death, 出党, transfer out): reports for earlier months still
     * show them. Null for a record merely switched off (db/queries/membership-periods.ts).
     */
    leftAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("members_branch").on(t.branchId)],
);

export const roleName = pgEnum("role_name", roleNames);

/** A role reaches the node it is granted on and everything below it. */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    role: roleName().notNull(),
    nodeId: integer()
      .notNull()
      .references(() => orgNodes.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("role_grants_unique").on(t.userId, t.role, t.nodeId), index("role_grants_node").on(t.nodeId)],
);

export const activationCodes = pgTable(
  "activation_codes",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the code; the code itself is shown once to whoever generated it. */
    codeHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdBy: integer()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activation_codes_user").on(t.userId).where(sql`${t.usedAt} is null`)],
);

export type User = typeof users.$inferSelect;
export type Member = typeof members.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type RoleName = (typeof roleName.enumValues)[number];
export type MemberCategory = (typeof memberCategory.enumValues)[number];
export type MemberPresence = (typeof memberPresence.enumValues)[number];
export type MemberEmployment = (typeof memberEmployment.enumValues)[number];
export type Gender = (typeof gender.enumValues)[number];
