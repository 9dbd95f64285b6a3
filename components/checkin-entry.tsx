"use client";

import { useState } from "react";
import { checkin } from "@/lib/messages/checkin";
import { CHECKED_IN_EVENT } from "./checked-in-event";
import { CheckinForm } from "./checkin-form";
import { ScanCheckinButton } from "./scan-checkin-button";

/**
 * Scanning or typing the code while the window is open. A typed code's answer (t.checkin.done)
 * takes the place of both, so the page is not rendered again on the server for a record the member has just
 * read (at a county's start that render was a quarter of the journey's CPU, docs/scaling.md); their record
 * as the server keeps it shows at the next visit. A scan still refreshes the page when its dialog closes.
 */
export function CheckinEntry({ activityId, elder = false }: { activityId: number; elder?: boolean }) {
  const [recorded, setRecorded] = useState<string | null>(null);
  if (recorded)
    return (
      <p role="status" className="rounded-lg bg-green-50 p-3 text-green-900">
        {recorded}
      </p>
    );
  return (
    <div className="space-y-4">
      <ScanCheckinButton activityId={activityId} elder={elder} />
      <CheckinForm
        activityId={activityId}
        elder={elder}
        onCheckedIn={(message) => {
          setRecorded(message);
          window.dispatchEvent(new CustomEvent(CHECKED_IN_EVENT, { detail: activityId }));
        }}
      />
      {/* Never forced (docs/privacy.md#nothing-forced): the paper sheet and the secretary's proxy entry count
          the same. */}
      <p className="text-sm text-stone-600">{checkin.withoutApp}</p>
    </div>
  );
}
