"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { CheckinAnswer } from "@/components/checkin-answer";
import { type CheckinResult, sendScannedCheckin } from "@/components/checkin-client";
import type { CheckinQr, ScanSeal } from "@/lib/checkin-url";
import { checkin as checkinText } from "@/lib/messages/checkin";

/**
 * Opened from a scanned QR code, in the app or in WeChat's or the camera's browser. It checks in once; a
 * reload sends the same clientId again and gets the same answer.
 */
export function ScanCheckin({ checkin, seal }: { checkin: CheckinQr; seal: ScanSeal | null }) {
  const [result, setResult] = useState<CheckinResult | null>(null);
  const { activityId, step, code } = checkin;
  const seenAt = seal?.seenAt;
  const sealed = seal?.seal;

  useEffect(() => {
    void sendScannedCheckin(
      { activityId, step, code },
      seenAt !== undefined && sealed ? { seenAt, seal: sealed } : undefined,
    ).then(setResult);
  }, [activityId, step, code, seenAt, sealed]);

  return (
    <div className="space-y-4 rounded-xl bg-white p-6 text-center">
      {!result ? <p className="text-lg">{checkinText.scanned}</p> : <CheckinAnswer result={result} />}
      <Link href={`/activities/${activityId}`} className="inline-block min-h-11 py-2 text-brand underline">
        {checkinText.viewActivity}
      </Link>
    </div>
  );
}
