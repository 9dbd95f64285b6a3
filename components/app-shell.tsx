import type { ReactNode } from "react";
import { getSessionUser } from "@/lib/server/session";
import { tabsFor } from "./tabs";
import { OutboxStatus } from "./outbox/outbox-status";
import { InstallHint } from "./pwa/install-hint";
import { ServiceWorker } from "./pwa/service-worker";
import { TabBar } from "./tab-bar";

/** The frame of every page: the page above and, for a signed-in person, their role's tab bar below. */
export async function AppShell({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  return (
    <div className={`mx-auto min-h-dvh max-w-xl ${user ? "pb-20" : ""}`}>
      {user && <InstallHint />}
      {children}
      {user && <OutboxStatus userId={user.id} />}
      {user && <TabBar tabs={tabsFor(user.scope)} />}
      <ServiceWorker userId={user?.id ?? null} />
    </div>
  );
}
