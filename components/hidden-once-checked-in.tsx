"use client";

import { useEffect, useState } from "react";
import { CHECKED_IN_EVENT } from "./checked-in-event";

/**
 * What the activity page offers only before a check-in (asking for leave): gone once this page records one
 * (components/checkin-entry.tsx), as it would be after the page was rendered again.
 */
export function HiddenOnceCheckedIn({ activityId, children }: { activityId: number; children: React.ReactNode }) {
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    const hide = (event: Event) => {
      if ((event as CustomEvent<number>).detail === activityId) setHidden(true);
    };
    window.addEventListener(CHECKED_IN_EVENT, hide);
    return () => window.removeEventListener(CHECKED_IN_EVENT, hide);
  }, [activityId]);
  return hidden ? null : children;
}
