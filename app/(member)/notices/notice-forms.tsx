"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type MouseEvent, type ReactNode, useTransition } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { notices } from "@/lib/messages/notices";
import { markAllReadAction, markReadAction } from "./actions";

/**
 * A notice that opens its activity. An unread one is marked read first, so the list and the badge are right
 * when the person comes back, whichever page the link leads to. No prefetch: a prefetch is not a reading.
 */
export function NoticeLink({
  noticeId,
  href,
  unread,
  className,
  children,
}: {
  noticeId: number;
  href: string;
  unread: boolean;
  className?: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  function open(event: MouseEvent<HTMLAnchorElement>) {
    // A new tab or window keeps the browser's own behaviour; the activity page marks it read there.
    if (!unread || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    start(async () => {
      // Failing to mark it is no reason not to open it; opening the activity marks it read anyway.
      await markReadAction(null, { noticeId }).catch(() => null);
      router.push(href);
    });
  }
  return (
    <Link href={href} prefetch={false} onClick={open} aria-busy={pending} className={className}>
      {children}
    </Link>
  );
}

export function MarkAllReadForm() {
  return (
    <ActionForm action={markAllReadAction} success={() => notices.markedAll} className="space-y-2">
      <SubmitButton variant="secondary">{notices.markAll}</SubmitButton>
    </ActionForm>
  );
}
