import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import { ADDRESS_WINDOW_MS, LOOKBACK_MS, type Verdict, verdict } from "@/lib/login-throttle";
import type { Db } from "../open";
import { loginAttempts } from "../schema/security";

/**
 * Sign-in attempts: the shared memory of the throttle (lib/login-throttle.ts). There is no scope: these
 * run before anyone is signed in, and nothing here is shown to a person.
 *
 * An attempt is first written as a failure and only then judged against the attempts before it (lower
 * id), so that fifty simultaneous guesses, on one instance or several, see each other: the sixth onwards
 * finds five failures ahead of it. A success turns the row into one; a refused attempt removes its row.
 */
export async function reserveLoginAttempt(db: Db, input: { phone: string; address: string }, now = new Date()) {
  const [row] = await db
    .insert(loginAttempts)
    .values({ ...input, succeeded: false, createdAt: now })
    .returning({ id: loginAttempts.id });
  return row.id;
}

/** The verdict on attempt `id` from those before it, or (with `including`) after counting it too. */
export async function loginVerdict(
  db: Db,
  input: { phone: string; address: string; id: number; including?: boolean },
  now = new Date(),
): Promise<Verdict> {
  const upTo: SQL = input.including ? lt(loginAttempts.id, input.id + 1) : lt(loginAttempts.id, input.id);
  const account = await db
    .select({ succeeded: loginAttempts.succeeded, createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.phone, input.phone),
        gte(loginAttempts.createdAt, new Date(now.getTime() - LOOKBACK_MS)),
        upTo,
      ),
    );
  const address = await db
    .select({ createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.address, input.address),
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.createdAt, new Date(now.getTime() - ADDRESS_WINDOW_MS)),
        upTo,
      ),
    );
  return verdict(
    account,
    address.map((a) => a.createdAt),
    now,
  );
}

export async function settleLoginAttempt(db: Db, id: number, outcome: "succeeded" | "refused") {
  if (outcome === "succeeded") await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, id));
  else await db.delete(loginAttempts).where(eq(loginAttempts.id, id));
}

/** The throttle looks back one hour; older attempts are personal data kept for nothing. */
export async function pruneLoginAttempts(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .delete(loginAttempts)
    .where(lt(loginAttempts.createdAt, new Date(now.getTime() - 24 * 3600_000)))
    .returning({ id: loginAttempts.id });
  return rows.length;
}
