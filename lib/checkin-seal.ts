/**
 * A scan that leads through sign-in (WeChat's or the camera's browser has no session): the /c page, before
 * sending the person to sign in, seals what was scanned with the server's time of arrival, and the check-in
 * after sign-in is judged at that time. The seal is an HMAC under a server key, so it cannot be made for
 * another time; it proves only that this code reached the server then, so an old code sealed now is still
 * expired, and a seal older than SIGN_IN_GRACE_MS no longer counts. WebCrypto only.
 */
export const SIGN_IN_GRACE_MS = 5 * 60_000;

export interface SealedScan {
  activityId: number;
  step: number;
  code: string;
  /** Server time (ms) when the scanned address first reached the server. */
  seenAt: number;
}

const encoder = new TextEncoder();

async function mac(key: string, scan: SealedScan): Promise<string> {
  const hmac = await crypto.subtle.importKey(
    "raw",
    encoder.encode(`checkin-seal:${key}`),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const bytes = new Uint8Array(
    await crypto.subtle.sign(
      "HMAC",
      hmac,
      encoder.encode(`${scan.activityId}:${scan.step}:${scan.code}:${scan.seenAt}`),
    ),
  );
  return Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}

export function sealScan(key: string, scan: SealedScan): Promise<string> {
  return mac(key, scan);
}

/** The sealed arrival time, or null when the seal is not ours, not for this scan, from the future or too old. */
export async function openSeal(key: string, scan: SealedScan, seal: string, now: Date): Promise<Date | null> {
  if (scan.seenAt > now.getTime() || now.getTime() - scan.seenAt > SIGN_IN_GRACE_MS) return null;
  const expected = await mac(key, scan);
  let diff = expected.length ^ seal.length;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (seal.charCodeAt(i) || 0);
  return diff === 0 ? new Date(scan.seenAt) : null;
}
