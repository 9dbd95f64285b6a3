"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { sendCheckin, type CheckinResult } from "@/components/checkin-client";
import { checkin as checkinText } from "@/lib/messages/checkin";

/**
 * Opened from a scanned QR code, in the app or in WeChat's or the camera's browser. It checks in once; a
 * reload sends the same clientId again and gets the same answer.
 */
export function ScanCheckin({ activityId, step, code }: { activityId: number; step: number; code: string }) {
  const [result, setResult] = useState<CheckinResult | null>(null);

  useEffect(() => {
    const key = `checkin:${activityId}:${step}:${code}`;
    const clientId = sessionStorage.getItem(key) ?? crypto.randomUUID();
    sessionStorage.setItem(key, clientId);
    const scannedAt = new Date().toISOString();
    void sendCheckin({ activityId, step, code, clientId, scannedAt }).then(setResult);
  }, [activityId, step, code]);

  return (
    <div className="space-y-4 rounded-xl bg-white p-6 text-center">
      {!result ? (
        <p className="text-lg">{checkinText.scanned}</p>
      ) : (
        <p className={`rounded-lg p-4 text-lg ${result.ok ? "bg-green-50 text-green-900" : result.queued ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800"}`} role={result.ok || result.queued ? "status" : "alert"}>
          {result.ok ? "✓ " : ""}
          {result.message}
        </p>
      )}
      <Link href={`/activities/${activityId}`} className="inline-block min-h-11 py-2 text-brand underline">
        查看活动
      </Link>
    </div>
  );
}
