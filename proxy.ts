import { withAuth } from "next-auth/middleware";
import { env } from "@/env";

/**
 * Only sends signed-out visitors to the sign-in page. Every real permission check is in the data layer
 * (DESIGN.md §2). API routes answer 401 themselves. A token emptied by the session callback (a disabled
 * account, a changed password) counts as signed out.
 */
export default withAuth({
  pages: { signIn: "/login" },
  secret: env.AUTH_SECRET,
  callbacks: { authorized: ({ token }) => Boolean(token?.uid) },
});

export const config = {
  // The service worker and the scripts it imports must load for a signed-out visitor too, or it never installs.
  matcher: ["/((?!login|activate|offline|api/|_next/|_pwa/|favicon|icons/|manifest|sw\\.js|workbox-|fallback-|worker-).*)"],
};
