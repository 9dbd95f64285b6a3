"use client";

import { t } from "@/lib/messages";

export interface CheckinResult {
  ok: boolean;
  message: string;
}

/**
 * Sends a check-in to the versioned route (never a server action: an offline queue must be able to replay
 * it). The same clientId on a retry gets the first answer back, so retrying is always safe.
 */
export async function sendCheckin(body: { activityId: number; code: string; step?: number; clientId: string; scannedAt?: string }): Promise<CheckinResult> {
  try {
    const response = await fetch("/api/v1/checkins", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const answer = await response.json();
    return answer.ok ? { ok: true, message: answer.data.message } : { ok: false, message: answer.error };
  } catch {
    return { ok: false, message: t.errors.internal };
  }
}
