import { bigint, boolean, index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Every sign-in attempt, kept in the database so that throttling holds across instances (docs/security.md):
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
  (t) => [
    index("login_attempts_phone_at").on(t.phone, t.createdAt),
    index("login_attempts_address_at").on(t.address, t.createdAt),
  ],
);

export type LoginAttempt = typeof loginAttempts.$inferSelect;

/**
 * A person's authenticator (TOTP, RFC 6238): required for county and committee admins, optional for
 * secretaries (docs/security.md). Unconfirmed until the first code from the app is checked against it.
 * `lastStep` is the time step of the last code accepted, so a code cannot be used twice.
 */
export const totpFactors = pgTable("totp_factors", {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true }),
  lastStep: bigint({ mode: "number" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes for a lost phone, stored as SHA-256 of 80 random bits; each works once. */
export const totpRecoveryCodes = pgTable(
  "totp_recovery_codes",
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("totp_recovery_codes_user").on(t.userId)],
);

export type TotpFactor = typeof totpFactors.$inferSelect;
