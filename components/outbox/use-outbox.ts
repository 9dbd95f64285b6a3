"use client";

import { useEffect, useState } from "react";
import { itemsOf, OUTBOX_CHANNEL, type OutboxItem } from "./store";

/** This person's outbox items, kept current across tabs and the service worker's replays. */
export function useOutbox(userId: number): OutboxItem[] {
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void itemsOf(userId).then((next) => live && setItems(next), () => undefined);
    load();
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(OUTBOX_CHANNEL);
    channel?.addEventListener("message", load);
    return () => {
      live = false;
      channel?.close();
    };
  }, [userId]);
  return items;
}
