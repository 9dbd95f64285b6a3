"use client";

import { useEffect, useState } from "react";
import type { OutboxItem } from "./store";

/** This person's outbox items, kept current across tabs and the service worker's replays. */
export function useOutbox(userId: number): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    let live = true;
    let channel: BroadcastChannel | null = null;
    // IndexedDB (idb) is fetched after the page is up: the list is read asynchronously either way.
    void import("./store").then(({ itemsOf, OUTBOX_CHANNEL }) => {
      if (!live) return;
      const load = () =>
        void itemsOf(userId).then(
          (next) => live && setItems(next),
          () => undefined,
        );
      load();
      channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(OUTBOX_CHANNEL);
      channel?.addEventListener("message", load);
    });
    return () => {
      live = false;
      channel?.close();
    };
  }, [userId]);
  return items;
}
