import type { FeedbackStatus } from "./enums";

/**
 * 投诉建议 rules, pure (docs/privacy.md#complaints-and-suggestions). The county answers within the days it
 * sets; an open item past its deadline is overdue, and an answer given after it stays marked as late.
 */

export const BODY_MAX = 2000;
export const ANSWER_MAX = 2000;
export const CONTACT_MAX = 60;
export const FEEDBACK_DAYS_DEFAULT = 15;
export const FEEDBACK_DAYS_MIN = 1;
export const FEEDBACK_DAYS_MAX = 60;

export const dueAt = (sentAt: Date, days: number) => new Date(sentAt.getTime() + days * 86_400_000);

export interface Deadline {
  status: FeedbackStatus;
  dueAt: Date;
  answeredAt: Date | null;
}

/** Open past its deadline. */
export const isOverdue = (f: Deadline, now: Date) => f.status === "open" && now.getTime() > f.dueAt.getTime();

/** Answered, but after the deadline. */
export const answeredLate = (f: Deadline) =>
  f.status === "answered" && f.answeredAt !== null && f.answeredAt.getTime() > f.dueAt.getTime();

/** Receipt codes: 12 characters without look-alikes (0/O, 1/I/L), about 60 bits; typed back by hand. */
export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const RECEIPT_LENGTH = 12;

export function receiptFrom(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < RECEIPT_LENGTH; i++) out += RECEIPT_ALPHABET[bytes[i] % RECEIPT_ALPHABET.length];
  return out;
}

/** As people type it back: any case, spaces or dashes between groups. */
export const normalReceipt = (s: string) => s.toUpperCase().replace(/[\s-]/g, "");

/** Shown in groups of four: ABCD-EFGH-JKMN. */
export const groupedReceipt = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;
