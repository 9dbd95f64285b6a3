import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { AppError } from "../errors";
import type { Ctx } from "./action";
import { replicaFor } from "./read-db";
import { sessionFromCookies } from "./session-token";

/**
 * The signed-in person, or null. One read per request, of the cookie alone (lib/server/session-token.ts); the
 * cookie's renewal is the proxy's (proxy.ts), as a server component cannot set one.
 */
export const getSessionUser = cache(async () => sessionFromCookies((await headers()).get("cookie")));

/** For server actions and route handlers: the database and the caller's scope, or 401. */
export async function requireContext(): Promise<Ctx> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated");
  return { db: await getDb(), scope: user.scope };
}

/**
 * For pages: the signed-in person with the database and their scope, or a redirect to the sign-in page.
 * `reads: "replica"`: a report page, whose reads may come from the hot standby (lib/server/read-db.ts).
 */
export async function pageContext(options?: {
  reads: "replica";
}): Promise<Ctx & { user: { id: number; name: string } }> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const primary = await getDb();
  const replica = options?.reads === "replica" ? await replicaFor((await headers()).get("cookie")) : undefined;
  return { db: replica ?? primary, primary, scope: user.scope, user: { id: user.id, name: user.name } };
}

/** For the few pages open to everyone (the privacy notice, 投诉建议): the database, and the person if signed in. */
export async function openPageContext(): Promise<{ db: Ctx["db"]; scope: Ctx["scope"] | null; userId: number | null }> {
  const user = await getSessionUser();
  return { db: await getDb(), scope: user?.scope ?? null, userId: user?.id ?? null };
}
