import Link from "next/link";
import { shiftQuarter } from "@/lib/community";
import { t } from "@/lib/messages";

/** ‹ 2026年第4季度 › — the quarter a report covers, with links to the one before and after. */
export function QuarterNav({ q, href }: { q: { year: number; quarter: number }; href: (quarter: string) => string }) {
  const link = "flex min-h-11 min-w-11 items-center justify-center rounded-lg bg-white ring-1 ring-stone-300";
  return (
    <nav aria-label={t.community.quarter(q.year, q.quarter)} className="flex items-center justify-between gap-2 print:hidden">
      <Link href={href(shiftQuarter(q, -1))} className={link} aria-label="上一季度">
        ‹
      </Link>
      <span className="font-medium">{t.community.quarter(q.year, q.quarter)}</span>
      <Link href={href(shiftQuarter(q, 1))} className={link} aria-label="下一季度">
        ›
      </Link>
    </nav>
  );
}
