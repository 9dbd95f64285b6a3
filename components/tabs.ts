import type { RoleName } from "@/lib/enums";
import { nav } from "@/lib/messages/nav";
import type { Scope } from "@/lib/scope";
import { rolesHeld } from "@/lib/scope-paths";
import type { Tab } from "./tab-bar";

/** The bottom tabs a person sees: the member's four, with each workbench they hold a role for before 我的. */
export function tabsFor(scope: Scope): Tab[] {
  return tabsOf(scope.member !== null, rolesHeld(scope));
}

/** The same from what the start page's JSON tells (lib/server/today.ts), in the browser. */
export function tabsOf(member: boolean, roles: ReadonlySet<RoleName>): Tab[] {
  const tabs: Tab[] = [];
  if (member) {
    tabs.push(
      { href: "/", label: nav.home, icon: "home" },
      { href: "/activities", label: nav.activities, icon: "calendar" },
      { href: "/points", label: nav.points, icon: "star" },
    );
  }
  if (roles.has("secretary")) tabs.push({ href: "/branch", label: nav.branch, icon: "users" });
  if (roles.has("grid_worker")) tabs.push({ href: "/grid", label: nav.grid, icon: "grid" });
  if (roles.has("county_admin") || roles.has("committee_admin"))
    tabs.push({ href: "/admin", label: nav.admin, icon: "settings" });
  tabs.push({ href: "/me", label: nav.me, icon: "user" });
  return tabs;
}
