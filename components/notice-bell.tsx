import Link from "next/link";
import { notices } from "@/lib/messages/notices";
import { Icon } from "./ui/icon";

/** The header's link to /notices with the unread count; rendered on the server, so it is right on every load. */
export function NoticeBell({ unread }: { unread: number }) {
  return (
    <Link
      href="/notices"
      prefetch={false}
      aria-label={notices.bell(unread)}
      className="relative -mr-2 flex min-h-11 min-w-11 items-center justify-center"
    >
      <Icon name="bell" />
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
