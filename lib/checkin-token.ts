/**
 * Rotating check-in tokens (docs/architecture.md#offline). Every 15 seconds the secretary's screen shows a new 6-digit
 * code, HMAC-SHA256 of the activity and the time step under a per-activity secret. The same function runs
 * in the browser (the screen works offline) and on the server (which verifies scans that arrive late).
 * WebCrypto only, so it runs in both.
 */
export const STEP_MS = 15_000;
/** An online scan may be this many steps away from the server's clock. */
export const ONLINE_TOLERANCE = 1;
/** An offline scan's step may be this far from the device time it claims. */
export const OFFLINE_TOLERANCE = 2;
/** An offline scan must reach the server at most this long after the activity's end (told on the screens). */
export const OFFLINE_GRACE_MINUTES = 60;

export const stepAt = (ms: number) => Math.floor(ms / STEP_MS);

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    if (keys.size > 1000) keys.clear(); // a server sees many activities; keep the cache bounded
    keys.set(secret, key);
  }
  return key;
}

/**
 * Codes already computed: during a check-in burst every scan of an activity asks for the same one or two
 * steps, and WebCrypto's per-call overhead is most of the cost of a check-in's HMAC.
 */
const codes = new Map<string, Promise<string>>();

/** The 6-digit code of one step (dynamic truncation as in HOTP, RFC 4226). */
export function codeFor(secret: string, activityId: number, step: number): Promise<string> {
  const id = `${activityId}:${step}:${secret}`;
  let code = codes.get(id);
  if (!code) {
    code = computeCode(secret, activityId, step);
    if (codes.size > 10_000) codes.clear(); // bounded; a new step's codes are made again in microseconds
    codes.set(id, code);
    code.catch(() => codes.delete(id));
  }
  return code;
}

async function computeCode(secret: string, activityId: number, step: number): Promise<string> {
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", await keyFor(secret), encoder.encode(`${activityId}:${step}`)),
  );
  const offset = mac[mac.length - 1] & 0x0f;
  const value = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(value % 1_000_000).padStart(6, "0");
}

/**
 * 长辈模式: a typed code is accepted if the screen showed it at any step from the opening of the
 * check-in window up to now, so an elderly member is never racing the 15-second rotation. Returns the
 * step, or null. Only for typed codes of members who chose the mode; everyone else keeps `verifyScan`.
 */
export async function typedStepInWindow(scan: {
  secret: string;
  activityId: number;
  code: string;
  opensAt: Date;
  closesAt: Date;
  now: Date;
}): Promise<number | null> {
  const first = stepAt(scan.opensAt.getTime());
  const last = Math.min(stepAt(scan.closesAt.getTime()), stepAt(scan.now.getTime()) + ONLINE_TOLERANCE);
  // Newest first: the code just read off the screen is by far the likeliest.
  for (let step = last; step >= first; step--)
    if ((await codeFor(scan.secret, scan.activityId, step)) === scan.code) return step;
  return null;
}

export type ScanVerdict =
  | { ok: true; step: number; offline: boolean }
  | { ok: false; reason: "bad_code" | "expired" | "window_closed" };

/** How far back a typed code is recognised as one the screen showed earlier, to call it expired. */
const TYPED_EXPIRED_STEPS = 20;

export interface Scan {
  secret: string;
  activityId: number;
  code: string;
  /** The step the scanner read from the QR; absent when the code was typed. */
  step?: number;
  /** The device time of the scan, sent by an offline phone when it replays. */
  scannedAt?: Date;
  /** Check-in window: from 30 minutes before the start to the end. */
  opensAt: Date;
  closesAt: Date;
  now: Date;
}

/**
 * Online: the step must be within one step of server time. Offline replay — a scan whose claimed device time
 * is further back than that, so it was kept on the phone — the step must lie inside the window and match the
 * claimed time within two steps, and is flagged. A code sent at once is judged online even with its device
 * time, so a code typed a little too late is expired, not offline. A typed code has no step: the steps around
 * the server time (or the claimed device time) are tried.
 */
export async function verifyScan(scan: Scan): Promise<ScanVerdict> {
  const serverStep = stepAt(scan.now.getTime());
  const first = stepAt(scan.opensAt.getTime());
  const last = stepAt(scan.closesAt.getTime());
  const inWindow = (step: number) => step >= first && step <= last;
  const matches = async (step: number) => (await codeFor(scan.secret, scan.activityId, step)) === scan.code;
  const around = (center: number, width: number) => Array.from({ length: 2 * width + 1 }, (_, i) => center - width + i);

  // Online: near server time.
  const onlineSteps = scan.step === undefined ? around(serverStep, ONLINE_TOLERANCE) : [scan.step];
  for (const step of onlineSteps) {
    if (Math.abs(step - serverStep) <= ONLINE_TOLERANCE && (await matches(step))) {
      return inWindow(step) ? { ok: true, step, offline: false } : { ok: false, reason: "window_closed" };
    }
  }
  // Offline replay: near the device time it claims, inside the window.
  if (
    scan.scannedAt &&
    scan.scannedAt <= scan.now &&
    serverStep - stepAt(scan.scannedAt.getTime()) > ONLINE_TOLERANCE
  ) {
    const deviceStep = stepAt(scan.scannedAt.getTime());
    const offlineSteps = scan.step === undefined ? around(deviceStep, OFFLINE_TOLERANCE) : [scan.step];
    for (const step of offlineSteps) {
      if (Math.abs(step - deviceStep) <= OFFLINE_TOLERANCE && (await matches(step))) {
        return inWindow(step) ? { ok: true, step, offline: true } : { ok: false, reason: "window_closed" };
      }
    }
  }
  // A code that was right at some earlier step tells the person it expired rather than that it is wrong.
  const earlier =
    scan.step === undefined
      ? Array.from({ length: TYPED_EXPIRED_STEPS }, (_, i) => serverStep - ONLINE_TOLERANCE - 1 - i)
      : [scan.step];
  for (const step of earlier)
    if (step < serverStep && inWindow(step) && (await matches(step))) return { ok: false, reason: "expired" };
  return { ok: false, reason: "bad_code" };
}

/**
 * When an accepted scan is recorded: never just the device's word. The code proves the screen was seen no
 * earlier than its step began, and the server saw it arrive; a claimed device time is kept only inside that.
 */
export function recordedAt(step: number, arrival: Date, claimed?: Date): Date {
  if (!claimed) return arrival;
  const shown = step * STEP_MS;
  const until = Math.min(arrival.getTime(), shown + STEP_MS - 1);
  return new Date(Math.max(shown, Math.min(claimed.getTime(), until)));
}
