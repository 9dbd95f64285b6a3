"use client";

import { lastPersonOnPhone } from "@/components/pwa/clear-person-caches";
import { PERSON_KEY_PREFIX } from "@/components/pwa/person-storage";
import type { TodayData } from "./today-data";

/**
 * The start page's copy for a dead network: the last answer of GET /api/v1/today, kept under a person key
 * (emptied on sign-out and when another person signs in, components/pwa/clear-person-caches.ts) and named by
 * its owner. It is shown only to the person the phone last belonged to, and only when the network fails.
 */
const KEY = `${PERSON_KEY_PREFIX}today`;

interface Stored {
  owner: number;
  savedAt: string;
  data: TodayData;
}

export function saveTodayCopy(data: TodayData): void {
  try {
    const stored: Stored = { owner: data.userId, savedAt: new Date().toISOString(), data };
    localStorage.setItem(KEY, JSON.stringify(stored));
  } catch {}
}

export function loadTodayCopy(): { savedAt: Date; data: TodayData } | null {
  try {
    const text = localStorage.getItem(KEY);
    if (!text) return null;
    const stored = JSON.parse(text) as Stored;
    if (String(stored.owner) !== lastPersonOnPhone() || stored.data?.userId !== stored.owner) {
      localStorage.removeItem(KEY);
      return null;
    }
    return { savedAt: new Date(stored.savedAt), data: stored.data };
  } catch {
    return null;
  }
}
