import Link from "next/link";
import type { ReactNode } from "react";
import { common } from "@/lib/messages/common";

export function PageHeader({ title, back, action }: { title: string; back?: string; action?: ReactNode }) {
  return (
    <header className="sticky top-0 z-10 flex min-h-14 items-center gap-2 bg-brand px-4 text-white">
      {back && (
        <Link
          href={back}
          prefetch={false}
          className="-ml-2 flex min-h-11 min-w-11 items-center justify-center text-2xl"
          aria-label={common.back}
        >
          ‹
        </Link>
      )}
      <h1 className="flex-1 truncate text-lg font-semibold">{title}</h1>
      {action}
    </header>
  );
}
