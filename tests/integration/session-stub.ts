import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/server/action";

/**
 * The signed-in person, as a test sets it: stands in for lib/server/session.ts and session-token.ts, which
 * read next-auth's cookie. A test file mocks both with this module and sets `session.ctx` (null: signed out).
 *
 *   vi.mock("@/lib/server/session", () => import("./session-stub"));
 */
export const session: { ctx: Ctx | null; renewal?: string } = { ctx: null };

export async function requireContext(): Promise<Ctx> {
  if (!session.ctx) throw new AppError("unauthenticated");
  return session.ctx;
}

/** The token session; `session.renewal` stands for the cookie a visit is due to renew (lib/server/session-token.ts). */
export async function requireTokenContext(_request: unknown, renew?: (setCookie: string) => void): Promise<Ctx> {
  const ctx = await requireContext();
  if (renew && session.renewal) renew(session.renewal);
  return ctx;
}
