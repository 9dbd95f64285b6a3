import { headers } from "next/headers";
import type { ReactNode } from "react";
import { getSessionUser } from "@/lib/server/session";
import { SHARED_PAGE_HEADER } from "@/lib/shared-page";
import { OutboxStatus } from "./outbox/outbox-status";
import { InstallHint } from "./pwa/install-hint";
import { ServiceWorker } from "./pwa/service-worker";
import { TabBar } from "./tab-bar";
import { tabsFor } from "./tabs";

/** The frame of every page: the page above and, for a signed-in person, their role's tab bar below. */
export async function AppShell({ children }: { children: ReactNode }) {
  const request = await headers();
  // A page prerendered at build time (/today) has no request at all, so no Host header: like a shared page it
  // shows nothing of anyone and must neither keep nor clear anyone's things; its client part does that.
  const shared = request.get(SHARED_PAGE_HEADER) === "1" || !request.has("host");
  const user = shared ? null : await getSessionUser();
  return (
    <div className={`mx-auto min-h-dvh max-w-xl ${user ? "pb-20" : ""}`}>
      {user && <InstallHint />}
      {children}
      {user && <OutboxStatus userId={user.id} />}
      {user && <TabBar tabs={tabsFor(user.scope)} />}
      <ServiceWorker userId={shared ? undefined : (user?.id ?? null)} />
    </div>
  );
}
