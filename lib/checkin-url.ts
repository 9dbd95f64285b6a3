/**
 * The address a check-in QR code carries (docs/architecture.md#offline): `<origin>/c/<activityId>?s=<step>&k=<code>`.
 * The
 * secretary's screen builds it; the /c page (opened by any camera) and the in-app scanner read it back.
 */
export interface CheckinQr {
  activityId: number;
  step: number;
  code: string;
}

export function checkinUrl(origin: string, activityId: number, step: number, code: string): string {
  return `${origin}/c/${activityId}?s=${step}&k=${code}`;
}

const MAX_ID = 2 ** 31 - 1;

/** The three parts as they arrive in the path and query, or null when any is missing or malformed. */
export function checkinParams(
  activityId: string | null | undefined,
  step: string | null | undefined,
  code: string | null | undefined,
): CheckinQr | null {
  if (!/^[1-9]\d{0,9}$/.test(activityId ?? "") || Number(activityId) > MAX_ID) return null;
  if (!/^\d{1,15}$/.test(step ?? "")) return null;
  if (!/^\d{6}$/.test(code ?? "")) return null;
  return { activityId: Number(activityId), step: Number(step), code: code! };
}

export type ScannedCheckin = { ok: true; checkin: CheckinQr } | { ok: false; reason: "foreign" | "otherActivity" };

/**
 * What the in-app scanner read, judged before anything is sent: only a check-in address of this app's own
 * origin, for the activity whose page the member is on. Any other QR code (a payment code, another site, a
 * look-alike host) is refused without being opened.
 */
export function readScannedCheckin(text: string, origin: string, activityId: number): ScannedCheckin {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: "foreign" };
  }
  const path = /^\/c\/([^/]+)$/.exec(url.pathname);
  const checkin =
    url.origin === origin && path ? checkinParams(path[1], url.searchParams.get("s"), url.searchParams.get("k")) : null;
  if (!checkin) return { ok: false, reason: "foreign" };
  if (checkin.activityId !== activityId) return { ok: false, reason: "otherActivity" };
  return { ok: true, checkin };
}

/** The seal the /c page adds before sign-in (lib/checkin-seal.ts), as it comes back in the query. */
export interface ScanSeal {
  seenAt: number;
  seal: string;
}

/** The /c address of a scan with its seal, where sign-in returns to. */
export function sealedCheckinPath(checkin: CheckinQr, seal: ScanSeal): string {
  return `/c/${checkin.activityId}?s=${checkin.step}&k=${checkin.code}&t=${seal.seenAt}&v=${seal.seal}`;
}

export function sealParams(seenAt: string | null | undefined, seal: string | null | undefined): ScanSeal | null {
  if (!/^\d{1,15}$/.test(seenAt ?? "") || !/^[0-9a-f]{32}$/.test(seal ?? "")) return null;
  return { seenAt: Number(seenAt), seal: seal! };
}
