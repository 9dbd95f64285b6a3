import { checkIn } from "@/db/queries/checkins";
import { route } from "@/lib/route";
import { requireTokenContext } from "@/lib/session-token";
import { checkinInput } from "@/lib/validation/checkins";

/**
 * A member's check-in, from the scan page, the code form or an offline outbox replay. Idempotent on clientId.
 * A whole county checks in within minutes, so the session is read the lean way (lib/session-token.ts).
 */
export const POST = route("checkin", checkinInput, (input, { db, scope }) => checkIn(db, scope, input), { context: requireTokenContext });
