"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { app } from "@/lib/messages/app";
import { Icon, type IconName } from "./ui/icon";

export interface Tab {
  href: string;
  label: string;
  icon: IconName;
}

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The bottom tab bar: thumb-reachable, safe-area aware, one tab per thing the person does. No prefetch: every
 * page is the person's own and rendered per request, so a prefetch is a render on the server for each tab at
 * every page load (two requests each), most never opened: at a theme day's start that was four fifths of
 * the server's work (docs/scaling.md). A tap fetches the page then.
 */
export function TabBar({ tabs }: { tabs: Tab[] }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label={app.mainNav}
      className="fixed inset-x-0 bottom-0 z-20 border-t print:hidden border-stone-200 bg-white pb-[env(safe-area-inset-bottom)]"
    >
      <ul className="mx-auto flex max-w-xl">
        {tabs.map((tab) => {
          const active = isActive(pathname, tab.href);
          return (
            <li key={tab.href} className="flex-1">
              <Link
                href={tab.href}
                prefetch={false}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs ${active ? "font-semibold text-brand" : "text-stone-600"}`}
              >
                <Icon name={tab.icon} />
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
