import "server-only";
import { cache } from "react";
import { getDb } from "@/db";
import { getElderMode } from "@/db/queries/preferences";
import { getSessionUser } from "./session";

/**
 * Whether the signed-in person has 长辈模式 on; false when signed out. Read from the database once per
 * request (not kept in the session token), so switching it takes effect on the next page.
 */
export const isElderMode = cache(async (): Promise<boolean> => {
  const user = await getSessionUser();
  if (!user) return false;
  return getElderMode(await getDb(), user.scope);
});
