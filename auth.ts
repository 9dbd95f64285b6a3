import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { writeAudit } from "@/db/queries/audit";
import { findUserByPhone, loadSessionUser } from "@/db/queries/session";
import { env } from "@/env";
import { t } from "@/lib/messages";
import { verifyPassword } from "@/lib/password";
import type { Scope } from "@/lib/scope";
import { signInInput } from "@/lib/validation/auth";

declare module "next-auth" {
  interface Session {
    user?: { id: number; name: string; scope: Scope };
  }
  interface User {
    id: string;
    name: string;
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    name?: string;
    sv?: number;
    scope?: Scope;
    /** When the account was last re-read from the database (ms). */
    checked?: number;
  }
}

/** How often a session re-reads its account: a disabled account or a changed role takes effect within this. */
const RECHECK_MS = 60_000;

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { phone: { type: "tel" }, password: { type: "password" } },
      async authorize(credentials) {
        const input = signInInput.safeParse(credentials);
        if (!input.success) throw new Error(t.auth.wrongCredentials);
        const db = await getDb();
        const user = await findUserByPhone(db, input.data.phone);
        const ok = await verifyPassword(user?.passwordHash, input.data.password);
        if (!user || !ok) {
          await writeAudit(db, { actorId: user?.id ?? null, action: "auth.sign_in", outcome: "failed", detail: { phone: input.data.phone } });
          throw new Error(user && !user.passwordHash ? t.auth.notActivated : t.auth.wrongCredentials);
        }
        if (!user.active) throw new Error(t.auth.disabled);
        await writeAudit(db, { actorId: user.id, action: "auth.sign_in", targetType: "user", targetId: user.id });
        return { id: String(user.id), name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
        token.checked = 0;
      }
      if (!token.uid) return token;
      if (Date.now() - (token.checked ?? 0) < RECHECK_MS) return token;
      const fresh = await loadSessionUser(await getDb(), token.uid);
      if (!fresh || !fresh.active || fresh.sessionVersion !== token.sv) return {}; // ends the session
      return { ...token, name: fresh.name, scope: fresh.scope, checked: Date.now() };
    },
    session({ session, token }) {
      if (token.uid && token.scope) session.user = { id: token.uid, name: token.name ?? "", scope: token.scope };
      else delete session.user;
      return session;
    },
  },
};
