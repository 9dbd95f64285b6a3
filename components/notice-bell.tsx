import Link from "next/link";
import { t } from "@/lib/messages";

/** The header's link to /notices with the unread count; rendered on the server, so it is right on every load. */
export function NoticeBell({ unread }: { unread: number }) {
  return (
    <Link
      href="/notices"
      prefetch={false}
      aria-label={t.notices.bell(unread)}
      className="relative -mr-2 flex min-h-11 min-w-11 items-center justify-center"
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden
        className="size-6"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden
          className="absolute top-1 right-0.5 min-w-5 rounded-full bg-white px-1 text-center text-xs leading-5 font-semibold text-brand"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
