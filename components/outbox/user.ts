"use client";

/**
 * Whose outbox this tab writes to: set by the app shell for the signed-in person (outbox-status.tsx), read by
 * submit() and replay(). Its own module, so the shell can set it without loading IndexedDB and the sender.
 */
let currentUser: number | null = null;

export function setOutboxUser(userId: number | null): void {
  currentUser = userId;
}

export function outboxUser(): number | null {
  return currentUser;
}
