import { t } from "@/lib/messages";
import type { Scope } from "@/lib/scope";
import { rolesHeld } from "@/lib/scope-paths";
import type { Tab } from "./tab-bar";

/** The bottom tabs a person sees: the member's four, with each workbench they hold a role for before 我的. */
export function tabsFor(scope: Scope): Tab[] {
  const roles = rolesHeld(scope);
  const tabs: Tab[] = [];
  if (scope.member) {
    tabs.push(
      { href: "/", label: t.nav.home, icon: "home" },
      { href: "/activities", label: t.nav.activities, icon: "calendar" },
      { href: "/points", label: t.nav.points, icon: "star" },
    );
  }
  if (roles.has("secretary")) tabs.push({ href: "/branch", label: t.nav.branch, icon: "users" });
  if (roles.has("grid_worker")) tabs.push({ href: "/grid", label: t.nav.grid, icon: "grid" });
  if (roles.has("county_admin") || roles.has("committee_admin"))
    tabs.push({ href: "/admin", label: t.nav.admin, icon: "settings" });
  tabs.push({ href: "/me", label: t.nav.me, icon: "user" });
  return tabs;
}
