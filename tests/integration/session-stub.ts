import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/server/action";

/**
 * The signed-in person, as a test sets it: stands in for lib/server/session.ts and session-token.ts, which
 * read next-auth's cookie. A test file mocks both with this module and sets `session.ctx` (null: signed out).
 *
 *   vi.mock("@/lib/server/session", () => import("./session-stub"));
 */
export const session: { ctx: Ctx | null } = { ctx: null };

export async function requireContext(): Promise<Ctx> {
  if (!session.ctx) throw new AppError("unauthenticated");
  return session.ctx;
}

export const requireTokenContext = requireContext;
