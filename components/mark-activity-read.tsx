"use client";

import { useEffect } from "react";

/**
 * Tells the server once that the member has seen this activity. A page render writes nothing, so the read
 * receipt is its own request; a lost one (no network) is sent again the next time the page is shown.
 */
export function MarkActivityRead({ activityId }: { activityId: number }) {
  useEffect(() => {
    void fetch(`/api/v1/activities/${activityId}/read`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    })
      // Read to the end, so the request is over (an unread body keeps it open in the browser).
      .then((response) => response.text())
      .catch(() => undefined);
  }, [activityId]);
  return null;
}
