/**
 * Web Push in the service worker: shows each notice the server pushes (lib/server/push.ts sends them after the
 * write commits) and, on a tap, brings the app forward on the notice's page, reusing an open window.
 */
import { push } from "../lib/messages/push";

interface PushEvent extends Event {
  data: { json(): unknown } | null;
  waitUntil(work: Promise<unknown>): void;
}
interface NotificationEvent extends Event {
  notification: { data?: { url?: string }; close(): void };
  waitUntil(work: Promise<unknown>): void;
}
interface WindowClient {
  url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface PushWorker {
  addEventListener(type: "push", listener: (event: PushEvent) => void): void;
  addEventListener(type: "notificationclick", listener: (event: NotificationEvent) => void): void;
  registration: { showNotification(title: string, options: Record<string, unknown>): Promise<void> };
  clients: {
    matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
  };
  location: { origin: string };
}

const worker = self as unknown as PushWorker;

worker.addEventListener("push", (event) => {
  const payload = read(event);
  event.waitUntil(
    worker.registration.showNotification(payload.title, {
      body: payload.body,
      lang: "zh-CN",
      icon: "/icons/icon-192.png",
      badge: "/icons/maskable-192.png",
      data: { url: payload.url },
    }),
  );
});

worker.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(open(sameOrigin(event.notification.data?.url)));
});

/** A payload that cannot be read still tells the person something arrived (a push must show a notification). */
function read(event: PushEvent): { title: string; body: string; url: string } {
  try {
    const data = event.data?.json() as { title?: unknown; body?: unknown; url?: unknown } | undefined;
    if (data && typeof data.title === "string")
      return {
        title: data.title,
        body: typeof data.body === "string" ? data.body : "",
        url: typeof data.url === "string" ? data.url : "/notices",
      };
  } catch {}
  return { title: push.fallbackTitle, body: "", url: "/notices" };
}

/** Only pages of this app: a payload naming another site opens the notices instead. */
function sameOrigin(url: string | undefined): string {
  try {
    const target = new URL(url ?? "/notices", worker.location.origin);
    return target.origin === worker.location.origin ? target.href : `${worker.location.origin}/notices`;
  } catch {
    return `${worker.location.origin}/notices`;
  }
}

async function open(url: string): Promise<void> {
  const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
  const existing = windows.find((w) => new URL(w.url).origin === worker.location.origin);
  if (existing) {
    const focused = await existing.focus();
    await focused.navigate(url).catch(() => null);
    return;
  }
  await worker.clients.openWindow(url);
}
