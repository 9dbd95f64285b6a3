import { boolean, index, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every sign-in attempt, kept in the database so that throttling holds across instances (DESIGN.md §8):
 * failures per phone and per address over a window decide whether the next attempt is let through.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: serial().primaryKey(),
    phone: text().notNull(),
    address: text().notNull(),
    succeeded: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_phone_at").on(t.phone, t.createdAt), index("login_attempts_address_at").on(t.address, t.createdAt)],
);

export type LoginAttempt = typeof loginAttempts.$inferSelect;
