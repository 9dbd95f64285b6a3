import type { ReactNode } from "react";
import { getSessionUser } from "@/lib/session";
import { tabsFor } from "@/lib/tabs";
import { TabBar } from "./tab-bar";

/** The frame of every page: the page above and, for a signed-in person, their role's tab bar below. */
export async function AppShell({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <div className={`mx-auto min-h-dvh max-w-xl ${user ? "pb-20" : ""}`}>
      {children}
      {user && <TabBar tabs={tabsFor(user.scope)} />}
    </div>
  );
}
