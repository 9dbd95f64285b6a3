import "server-only";
import { env } from "@/env";
import { sealScan } from "../checkin-seal";
import { type CheckinQr, sealedCheckinPath } from "../checkin-url";

/** Where a signed-out scan goes: sign-in, returning to its /c address sealed with the time it reached us. */
export async function signInForScan(checkin: CheckinQr, now = new Date()): Promise<string> {
  const seenAt = now.getTime();
  const seal = await sealScan(env.AUTH_SECRET, { ...checkin, seenAt });
  return `/login?callbackUrl=${encodeURIComponent(sealedCheckinPath(checkin, { seenAt, seal }))}`;
}
