// Relative: the service worker (worker/index.ts) is bundled without the app's path aliases.
import { OWNER_HEADER } from "../../lib/outbox-owner";

/**
 * The one way an offline-capable write is sent to its /api/v1 route, from the outbox, from a form with no
 * outbox behind it, and from the service worker's Background Sync. It imports nothing of React or the DOM
 * beyond what a worker has.
 */

/** A file that goes with a write (the leave form's attachment), kept as a Blob in IndexedDB until sent. */
export interface WriteFile {
  blob: Blob;
  name: string;
}

export interface Write {
  url: string;
  /** JSON fields; sent as multipart form fields when there are files. */
  body: Record<string, unknown>;
  files?: Record<string, WriteFile>;
  /** The user id of the session that queued it; the server refuses it for anyone else. */
  owner: number | null;
}

export type Delivery =
  | { outcome: "sent"; status: number; message: string; data: unknown }
  | { outcome: "refused"; status: number; message: string; fields?: Record<string, string> }
  | { outcome: "kept"; status: number | null; message: string };

/** Long enough for a slow mobile network, short enough that a member at the door is not kept waiting. */
const BASE_TIMEOUT_MS = 8_000;
/** An attachment gets time on top for its bytes, at a poor mobile upload rate (32 KB/s). */
const BYTES_PER_MS = 32;

/**
 * What keeps a write queued: no answer at all (status null: a network failure or a time-out), a 5xx, a 408
 * or a 429 (try later), a 401 (the session is to be renewed). Any other answer is definite.
 */
export function keeps(status: number | null): boolean {
  return status === null || status >= 500 || status === 401 || status === 408 || status === 429;
}

/** How long one try may take. */
export function timeoutFor(write: Pick<Write, "files">): number {
  const bytes = Object.values(write.files ?? {}).reduce((sum, file) => sum + file.blob.size, 0);
  return BASE_TIMEOUT_MS + Math.ceil(bytes / BYTES_PER_MS);
}

/** The request as it goes out: JSON, or multipart when files go with it. */
export function requestInit(write: Write): RequestInit {
  const headers: Record<string, string> = {};
  if (write.owner !== null) headers[OWNER_HEADER] = String(write.owner);
  let body: BodyInit;
  if (write.files && Object.keys(write.files).length > 0) {
    const form = new FormData();
    for (const [key, value] of Object.entries(write.body))
      if (value !== undefined && value !== null) form.append(key, String(value));
    for (const [key, file] of Object.entries(write.files)) form.append(key, file.blob, file.name);
    body = form;
  } else {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(write.body);
  }
  return { method: "POST", headers, body, credentials: "same-origin", signal: AbortSignal.timeout(timeoutFor(write)) };
}

/** One try. `messages` are what the person reads when the server gave no words of its own. */
export async function send(write: Write, messages: { network: string; server: string }): Promise<Delivery> {
  let response: Response;
  try {
    response = await fetch(write.url, requestInit(write));
  } catch {
    return { outcome: "kept", status: null, message: messages.network };
  }
  const answer = (await response.json().catch(() => null)) as {
    data?: { message?: string };
    error?: string;
    fields?: Record<string, string>;
  } | null;
  if (response.ok)
    return { outcome: "sent", status: response.status, message: answer?.data?.message ?? "", data: answer?.data };
  const message = answer?.error ?? messages.server;
  if (keeps(response.status)) return { outcome: "kept", status: response.status, message };
  return { outcome: "refused", status: response.status, message, fields: answer?.fields };
}
