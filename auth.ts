import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { loadSessionUser } from "@/db/queries/session";
import { env } from "@/env";
import { clientAddress, peerHeader, trustedProxies } from "@/lib/client-address";
import { toFailure } from "@/lib/errors";
import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { accountRead } from "@/lib/server/account-copies";
import { signInWithPassword } from "@/lib/server/sign-in";
import { RECHECK_MS, SESSION_MAX_AGE_S, sessionEnded } from "@/lib/session-policy";
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
    /** The newest privacy notice version acknowledged, as of the last re-read (proxy.ts asks again until current). */
    pv?: number;
    /** When the account was last re-read from the database (ms). */
    checked?: number;
    /** Signed in at, and last used at (ms): the absolute and idle limits of lib/session-policy.ts. */
    since?: number;
    seen?: number;
  }
}

const trusted = trustedProxies(env.TRUSTED_PROXIES);

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { phone: { type: "tel" }, password: { type: "password" }, otp: { type: "text" } },
      async authorize(credentials, req) {
        const input = signInInput.safeParse(credentials);
        if (!input.success) throw new Error(t.auth.wrongCredentials);
        try {
          const address = clientAddress(req?.headers, { trusted, peerHeader: peerHeader() });
          const user = await signInWithPassword(await getDb(), { ...input.data, address });
          return { id: String(user.id), name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          // next-auth hands this message to the sign-in form as is: only an AppError's Chinese text may pass.
          throw new Error(toFailure(error).error);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = Date.now();
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sessionVersion;
        token.checked = 0;
        token.since = now;
      }
      if (!token.uid) return token;
      if (now - (token.checked ?? 0) >= RECHECK_MS) {
        // At sign-in the account is read afresh; after that a read of it less than a minute old will do
        // (lib/server/account-copies.ts). `checked` is when the read was made, so it is never older than that.
        const db = await getDb();
        const { at, user: fresh } = user
          ? { at: now, user: await loadSessionUser(db, token.uid) }
          : await accountRead(db, token.uid, token.sv, now);
        if (!fresh?.active || fresh.sessionVersion !== token.sv) return {}; // ends the session
        token = { ...token, name: fresh.name, scope: fresh.scope, pv: fresh.privacyVersion, checked: at };
      }
      if (token.scope && sessionEnded(token, token.scope, now)) return {};
      return { ...token, seen: now };
    },
    session({ session, token }) {
      if (token.uid && token.scope) session.user = { id: token.uid, name: token.name ?? "", scope: token.scope };
      else delete session.user;
      return session;
    },
  },
};
