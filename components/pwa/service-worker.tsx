"use client";

import { useEffect, useState } from "react";
import type { Workbox } from "workbox-window";
import { pwa } from "@/lib/messages/pwa";

declare global {
  interface Window {
    /** The one workbox-window instance of this page, made below; update() uses it. */
    workbox?: Workbox;
  }
}

/**
 * Registers the service worker with workbox-window and, when a new version is waiting, offers to reload into
 * it. It never reloads by itself: the person may be in the middle of a form, so they choose the moment.
 */
export function ServiceWorker({ userId }: { userId: number | null | undefined }) {
  const [waiting, setWaiting] = useState(false);

  useEffect(() => {
    // `undefined`: a page shared by everyone on the phone (the offline page), which cannot know who is
    // signed in and so must neither keep nor clear anyone's things. Fetched after the page is up.
    if (userId === undefined) return;
    void import("./clear-person-caches").then(({ matchCachesTo }) => matchCachesTo(userId));
  }, [userId]);

  useEffect(() => {
    if (!("serviceWorker" in navigator) || typeof caches === "undefined") return;
    let live = true;
    let wb: Workbox | undefined;
    const onWaiting = () => setWaiting(true);
    // workbox-window is fetched once the page is up (next.config.ts takes next-pwa's copy out of the bundle).
    void import("workbox-window").then(({ Workbox }) => {
      if (!live) return;
      wb = window.workbox ??= new Workbox(`${window.location.origin}/sw.js`, { scope: "/" });
      wb.addEventListener("waiting", onWaiting);
      void wb.register().then((registration) => {
        // A worker that was already waiting before this page loaded announces nothing; ask it.
        if (registration?.waiting && navigator.serviceWorker.controller) setWaiting(true);
      });
    });
    return () => {
      live = false;
      wb?.removeEventListener("waiting", onWaiting);
    };
  }, []);

  if (!waiting) return null;

  function update() {
    const wb = window.workbox;
    if (!wb) return;
    wb.addEventListener("controlling", () => window.location.reload());
    wb.messageSkipWaiting();
  }

  return (
    <div
      role="status"
      className="fixed inset-x-0 top-0 z-40 mx-auto flex max-w-xl items-center gap-3 bg-stone-900 px-4 py-2 text-white shadow-lg"
    >
      <p className="flex-1 text-sm">
        <span className="block font-medium">{pwa.updateReady}</span>
        {pwa.updateHint}
      </p>
      <button type="button" onClick={() => setWaiting(false)} className="min-h-11 px-2 text-sm text-stone-300">
        {pwa.later}
      </button>
      <button type="button" onClick={update} className="min-h-11 rounded-lg bg-white px-4 font-medium text-stone-900">
        {pwa.reload}
      </button>
    </div>
  );
}
