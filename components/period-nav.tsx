import Link from "next/link";
import { app } from "@/lib/messages/app";

/** ‹ 2026年第4季度 › — the period a report covers, with links to the one before and the one after. */
export function PeriodNav({ label, prev, next }: { label: string; prev: string; next: string }) {
  const link = "flex min-h-11 min-w-11 items-center justify-center rounded-lg bg-white ring-1 ring-stone-300";
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-2 print:hidden">
      <Link href={prev} className={link} aria-label={app.previousPeriod}>
        ‹
      </Link>
      <span className="font-medium">{label}</span>
      <Link href={next} className={link} aria-label={app.nextPeriod}>
        ›
      </Link>
    </nav>
  );
}
