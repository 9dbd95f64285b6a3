"use client";

import { useEffect, useState } from "react";
import { pwa } from "@/lib/messages/pwa";
import { isQueued } from "./queued";
import { useOutbox } from "./use-outbox";
import { setOutboxUser } from "./user";

const time = new Intl.DateTimeFormat("zh-CN", {
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "Asia/Shanghai",
});

/**
 * The outbox in the app shell: replays it at start, on `online` and when the app comes back to the front,
 * and shows what is waiting ("2 条待同步") and the answers of writes that a replay settled. The sender and
 * IndexedDB are fetched after the page is up: every page has this shell, few pages write.
 */
export function OutboxStatus({ userId }: { userId: number }) {
  const items = useOutbox(userId);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    setOutboxUser(userId);
    void replay();
    const again = () => void replay();
    const visible = () => document.visibilityState === "visible" && again();
    window.addEventListener("online", again);
    document.addEventListener("visibilitychange", visible);
    return () => {
      window.removeEventListener("online", again);
      document.removeEventListener("visibilitychange", visible);
      setOutboxUser(null);
    };
  }, [userId]);

  const queued = items.filter(isQueued);
  const settled = items.filter((i) => !isQueued(i));
  if (items.length === 0) return null;

  return (
    <>
      {/* Room at the end of the page, so the fixed bar below never hides the last field or button. */}
      <div aria-hidden style={{ height: `${settled.length * 4.5 + (queued.length > 0 ? 3.5 : 0)}rem` }} />
      <div className="fixed inset-x-0 bottom-[calc(3.5rem+env(safe-area-inset-bottom))] z-30 mx-auto max-h-[60dvh] max-w-xl overflow-y-auto px-3 pb-2">
        {settled.map((item) => (
          <div
            key={item.clientId}
            role={item.state === "sent" ? "status" : "alert"}
            className={`mb-2 flex items-start gap-2 rounded-lg p-3 shadow ${item.state === "sent" ? "bg-green-50 text-green-900" : "bg-red-50 text-red-800"}`}
          >
            <p className="flex-1">
              <span className="font-medium">
                {pwa.kinds[item.kind]} {item.state === "sent" ? pwa.sent : pwa.refused}：
              </span>
              {item.lastAnswer?.message}
              <span className="block text-sm opacity-80">{item.label}</span>
            </p>
            <button
              type="button"
              className="min-h-11 shrink-0 px-2 font-medium underline"
              onClick={() => void dismiss(item.clientId)}
            >
              {pwa.dismiss}
            </button>
          </div>
        ))}
        {queued.length > 0 && (
          <div className="rounded-lg bg-amber-50 text-amber-900 shadow ring-1 ring-amber-200">
            <button
              type="button"
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              className="flex min-h-11 w-full items-center justify-between px-3 font-medium"
              data-testid="outbox-count"
            >
              <span className="flex items-center gap-2">
                <svg
                  aria-hidden
                  viewBox="0 0 24 24"
                  className="size-5"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={2}
                  strokeLinecap="round"
                >
                  <circle cx="12" cy="12" r="9" />
                  <path d="M12 7v5l3 2" />
                </svg>
                {pwa.pending(queued.length)}
              </span>
              <span aria-hidden>{open ? "▾" : "▸"}</span>
            </button>
            {open && (
              <div className="border-t border-amber-200 px-3 pb-3">
                <ul className="divide-y divide-amber-100">
                  {queued.map((item) => (
                    <li key={item.clientId} className="py-2 text-sm">
                      <p className="font-medium">
                        {pwa.kinds[item.kind]} · {item.label}
                      </p>
                      <p>
                        {pwa.states[item.state as "pending" | "sending"]} · {pwa.createdAt}{" "}
                        {time.format(new Date(item.createdAt))}
                      </p>
                      {item.lastAnswer && (
                        <p className="text-amber-800">
                          {pwa.lastTry}：{item.lastAnswer.status ? `${item.lastAnswer.status} ` : ""}
                          {item.lastAnswer.message}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  onClick={() => void replay()}
                  className="mt-2 min-h-11 w-full rounded-lg bg-white font-medium ring-1 ring-amber-300"
                >
                  {pwa.syncNow}
                </button>
              </div>
            )}
          </div>
        )}
      </div>
    </>
  );
}

function replay(): Promise<void> {
  return import("./outbox").then((outbox) => outbox.replay());
}

function dismiss(clientId: string): Promise<void> {
  return import("./outbox").then((outbox) => outbox.dismiss(clientId));
}
