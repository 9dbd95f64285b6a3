import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Scope } from "@/lib/scope";
import type { Db } from "../open";
import { users } from "../schema/users";
import { writeAudit } from "./audit";

/**
 * A person's own display preferences. Only ever the caller's own row: the scope's user id is
 * the filter, so nobody can read or switch someone else's.
 */
export async function getElderMode(db: Db, scope: Scope): Promise<boolean> {
  const [row] = await db.select({ elderMode: users.elderMode }).from(users).where(eq(users.id, scope.userId));
  return row?.elderMode ?? false;
}

export async function setElderMode(db: Db, scope: Scope, input: { on: boolean }): Promise<{ on: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ elderMode: input.on })
      .where(eq(users.id, scope.userId))
      .returning({ elderMode: users.elderMode });
    if (!row) throw new AppError("unauthenticated");
    await writeAudit(tx, {
      actorId: scope.userId,
      action: "account.elder_mode",
      targetType: "user",
      targetId: scope.userId,
      detail: { on: input.on },
    });
    return { on: row.elderMode };
  });
}
