import Link from "next/link";

/** The two halves of a branch's workbench: its people and its meetings. */
export function BranchTabs({ branchId, current }: { branchId: number; current: "roster" | "activities" }) {
  const tabs = [
    { key: "roster", href: `/branch/${branchId}`, label: "花名册" },
    { key: "activities", href: `/branch/${branchId}/activities`, label: "活动" },
  ] as const;
  return (
    <nav aria-label="支部工作台" className="grid grid-cols-2 rounded-lg bg-stone-200 p-1">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`flex min-h-10 items-center justify-center rounded-md ${tab.key === current ? "bg-white font-semibold shadow-sm" : "text-stone-700"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
