import Link from "next/link";
import type { ReactNode } from "react";
import { EmptyState } from "./card";

export interface LinkRow {
  key: string | number;
  href: string;
  title: ReactNode;
  /** Beside the title, right-aligned: status tags, a phone number. */
  aside?: ReactNode;
  /** The line under the title: type, time, place. */
  detail?: ReactNode;
  /** Anything further under it (more tags). */
  more?: ReactNode;
}

/**
 * Rows that each open a page (activities, plans, members, requests); with no rows, the `empty` text. Not
 * prefetched: the pages are per person and rendered per request, as for ButtonLink.
 */
export function LinkList({ label, rows, empty }: { label?: string; rows: LinkRow[]; empty?: ReactNode }) {
  if (rows.length === 0) return empty ? <EmptyState>{empty}</EmptyState> : null;
  return (
    <ul className="divide-y divide-stone-100 rounded-xl bg-white" aria-label={label}>
      {rows.map((row) => (
        <li key={row.key}>
          <Link href={row.href} prefetch={false} className="block px-4 py-3">
            <span className="flex items-center justify-between gap-2">
              <span className="font-medium">{row.title}</span>
              {row.aside && <span className="flex shrink-0 flex-wrap justify-end gap-1">{row.aside}</span>}
            </span>
            {row.detail && (
              <span className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-stone-600">{row.detail}</span>
            )}
            {row.more}
          </Link>
        </li>
      ))}
    </ul>
  );
}
