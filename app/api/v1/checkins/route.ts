import { checkIn } from "@/db/queries/checkins";
import { route } from "@/lib/route";
import { checkinInput } from "@/lib/validation/checkins";

/** A member's check-in, from the scan page, the code form or an offline outbox replay. Idempotent on clientId. */
export const POST = route("checkin", checkinInput, (input, { db, scope }) => checkIn(db, scope, input));
