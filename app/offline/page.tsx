import { t } from "@/lib/messages";
import { RetryButton } from "./retry-button";

export const metadata = { title: t.pwa.offlineTitle };

/**
 * Precached by the service worker and shown in place of a page that is neither on the network nor in this
 * phone's cache. Static: it must not depend on the session or the database.
 */
export default function OfflinePage() {
  return (
    <main className="space-y-4 p-6 pt-16 text-center">
      <svg
        aria-hidden
        viewBox="0 0 24 24"
        className="mx-auto size-14 text-stone-400"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
      >
        <path d="M2 8.5a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M8.5 15.5a5 5 0 0 1 7 0M12 19h.01M3 3l18 18" />
      </svg>
      <h1 className="text-xl font-semibold">{t.pwa.offlineTitle}</h1>
      <p className="text-stone-700">{t.pwa.offlineBody}</p>
      <div className="flex justify-center gap-3">
        <RetryButton label={t.pwa.retry} />
        {/* A plain link: a full load lets the service worker answer from its cache. */}
        <a
          href="/"
          className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-4 font-medium"
        >
          {t.pwa.home}
        </a>
      </div>
    </main>
  );
}
