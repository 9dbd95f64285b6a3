"use client";

import type { CheckinQr, ScanSeal } from "@/lib/checkin-url";
import { checkin } from "@/lib/messages/checkin";
import { pwa } from "@/lib/messages/pwa";
import { submit } from "./outbox/outbox";
import { PERSON_KEY_PREFIX } from "./pwa/person-storage";

export interface CheckinResult {
  ok: boolean;
  message: string;
  /** No answer yet: kept in the outbox, sent when the network is back. */
  queued?: boolean;
}

/**
 * Sends a check-in through the outbox to the versioned route (never a server action: an offline queue must be
 * able to replay it). `scannedAt` is the device time of the scan or the typed code, so a replay hours later
 * is judged by when the member was there. The same clientId on a retry gets the first answer back.
 */
export async function sendCheckin(body: {
  activityId: number;
  code: string;
  step?: number;
  clientId: string;
  scannedAt?: string;
  seenAt?: number;
  seal?: string;
}): Promise<CheckinResult> {
  const delivery = await submit({
    kind: "checkin",
    url: "/api/v1/checkins",
    clientId: body.clientId,
    label: checkin.codeItem(body.code),
    body: { ...body, scannedAt: body.scannedAt ?? new Date().toISOString() },
  });
  if (delivery.outcome === "kept")
    return delivery.queued
      ? { ok: false, queued: true, message: pwa.queuedCheckin }
      : { ok: false, message: delivery.message };
  return { ok: delivery.outcome === "sent", message: delivery.message };
}

/**
 * The check-in a scanned QR code asks for, from the /c page or the in-app scanner. The clientId is kept for
 * the tab, so reading the same code again (a reload, a second frame) replays the first request and gets
 * its answer instead of a second one.
 */
export function sendScannedCheckin(scan: CheckinQr, seal?: ScanSeal): Promise<CheckinResult> {
  // A person key: which activity someone checked in to is theirs, and goes when they sign out.
  const key = `${PERSON_KEY_PREFIX}checkin:${scan.activityId}:${scan.step}:${scan.code}`;
  const clientId = sessionStorage.getItem(key) ?? crypto.randomUUID();
  sessionStorage.setItem(key, clientId);
  return sendCheckin({ ...scan, ...seal, clientId, scannedAt: new Date().toISOString() });
}
