"use client";

import { useCallback, useEffect, useState } from "react";
import { matchCachesTo } from "@/components/pwa/clear-person-caches";
import { loadTodayCopy, saveTodayCopy } from "./today-copy";
import type { TodayAnswer, TodayData } from "./today-data";

export type TodayView =
  | { kind: "loading" }
  | { kind: "live"; data: TodayData }
  | { kind: "copy"; data: TodayData; savedAt: Date }
  | { kind: "unavailable" };

/**
 * The start page's one read. Signed out → sign in and come back; not a member → their home; the privacy
 * notice not yet acknowledged → the notice, as proxy.ts does for every other page. No answer or a 5xx → the
 * owner's copy (today-copy.ts), if the phone has one for the person it last belonged to.
 */
export function useToday(): [TodayView, () => void] {
  const [view, setView] = useState<TodayView>({ kind: "loading" });
  const [round, setRound] = useState(0);
  const again = useCallback(() => setRound((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is how a retry asks for the read again
  useEffect(() => {
    let live = true;
    const fallBack = () => {
      const copy = loadTodayCopy();
      if (live) setView(copy ? { kind: "copy", ...copy } : { kind: "unavailable" });
    };
    void (async () => {
      const response = await fetch("/api/v1/today", { headers: { Accept: "application/json" } }).catch(() => null);
      if (!response || response.status >= 500) return fallBack();
      if (response.status === 401) return window.location.replace("/login?callbackUrl=%2Ftoday");
      const body = (await response.json().catch(() => null)) as { ok: boolean; data?: TodayAnswer } | null;
      const data = body?.ok ? body.data : undefined;
      if (!data) return live && setView({ kind: "unavailable" });
      if (data.state === "not_member") return window.location.replace("/");
      if (data.state === "privacy_due") return window.location.replace("/privacy?next=%2Ftoday");
      // Whatever another person left on the phone goes before this person's copy is kept.
      await matchCachesTo(data.userId);
      saveTodayCopy(data);
      if (live) setView({ kind: "live", data });
    })();
    return () => {
      live = false;
    };
  }, [round]);

  return [view, again];
}
