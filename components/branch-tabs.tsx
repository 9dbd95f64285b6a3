import Link from "next/link";
import { pendingLeaveCount } from "@/db/queries/leave-lists";
import { t } from "@/lib/messages";
import { pageContext } from "@/lib/server/session";

/**
 * The parts of a branch's workbench: its people, its meetings, its leave (with the pending count), its community
 * feedback, its points bulletin, its dues sheet.
 */
export async function BranchTabs({
  branchId,
  current,
}: {
  branchId: number;
  current: "roster" | "activities" | "leave" | "community" | "points" | "dues";
}) {
  const { db, scope } = await pageContext();
  const pending = await pendingLeaveCount(db, scope, branchId);
  const tabs = [
    { key: "roster", href: `/branch/${branchId}`, label: t.nav.roster },
    { key: "activities", href: `/branch/${branchId}/activities`, label: t.nav.activities },
    { key: "leave", href: `/branch/${branchId}/leave`, label: t.leave.title },
    { key: "community", href: `/branch/${branchId}/community`, label: t.community.feedbackTab },
    { key: "points", href: `/branch/${branchId}/points`, label: t.nav.points },
    { key: "dues", href: `/branch/${branchId}/dues`, label: t.dues.tab },
  ] as const;
  return (
    <nav
      aria-label={t.nav.branchDesk}
      className="grid grid-cols-[repeat(auto-fit,minmax(3.5rem,1fr))] gap-y-1 rounded-lg bg-stone-200 p-1"
    >
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`flex min-h-11 items-center justify-center gap-1 rounded-md ${tab.key === current ? "bg-white font-semibold shadow-sm" : "text-stone-700"}`}
        >
          {tab.label}
          {tab.key === "leave" && pending > 0 && (
            <>
              <span
                aria-hidden
                className="min-w-5 rounded-full bg-brand px-1.5 text-center text-xs leading-5 font-semibold text-white"
              >
                {pending}
              </span>
              <span className="sr-only">{t.leave.pendingCount(pending)}</span>
            </>
          )}
        </Link>
      ))}
    </nav>
  );
}
