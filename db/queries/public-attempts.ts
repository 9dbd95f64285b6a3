import { and, eq, gt, lt } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { type PublicAttemptKind, publicLockedUntil, windowOf } from "@/lib/feedback-throttle";
import { minutesLeft } from "@/lib/login-throttle";
import { t } from "@/lib/messages";
import type { Db } from "../open";
import { publicAttempts } from "../schema/feedback";

/**
 * What a signed-out person does from the sign-in page, counted per address (lib/feedback-throttle.ts). The
 * attempt is recorded first and the count read after, so simultaneous requests on several instances see each
 * other, as the sign-in's own throttle does (db/queries/login-attempts.ts). A refused attempt is not kept.
 */
export async function reservePublicAttempt(
  db: Db,
  input: { kind: PublicAttemptKind; address: string },
  now = new Date(),
): Promise<number> {
  const [row] = await db
    .insert(publicAttempts)
    .values({ kind: input.kind, address: input.address, succeeded: false, createdAt: now })
    .returning({ id: publicAttempts.id });
  const since = new Date(now.getTime() - windowOf(input.kind));
  const attempts = await db
    .select({ succeeded: publicAttempts.succeeded, createdAt: publicAttempts.createdAt })
    .from(publicAttempts)
    .where(
      and(
        eq(publicAttempts.kind, input.kind),
        eq(publicAttempts.address, input.address),
        gt(publicAttempts.createdAt, since),
        lt(publicAttempts.id, row.id + 1),
      ),
    );
  const until = publicLockedUntil(input.kind, attempts, now);
  if (until) {
    await db.delete(publicAttempts).where(eq(publicAttempts.id, row.id));
    throw new AppError("rate_limited", t.feedback.throttled(minutesLeft(until, now)));
  }
  return row.id;
}

export async function settlePublicAttempt(db: Db, id: number) {
  await db.update(publicAttempts).set({ succeeded: true }).where(eq(publicAttempts.id, id));
}

/** The retention job: attempts older than a day are of no use to any window. */
export async function prunePublicAttempts(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(publicAttempts)
    .where(lt(publicAttempts.createdAt, new Date(now.getTime() - 86_400_000)))
    .returning({ id: publicAttempts.id });
  return gone.length;
}
