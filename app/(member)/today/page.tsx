import { TodayScreen } from "@/components/today/today-view";
import { t } from "@/lib/messages";

/**
 * The member's start page at a theme day (the installed app's start URL): one static shell for everyone,
 * prerendered at build time and precached by the service worker, that fetches the person's own data from
 * GET /api/v1/today (docs/scaling.md). It renders nothing of anyone on the server: proxy.ts lets it through
 * without a session, and next.config.ts gives it a fixed CSP, since a static page has no nonce.
 */
export const dynamic = "force-static";

export const metadata = { title: t.today.title };

export default function TodayPage() {
  return <TodayScreen />;
}
