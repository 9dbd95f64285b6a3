import { recordHours } from "@/db/queries/volunteer-hours";
import { endpoint } from "@/lib/server/route";
import { hoursInput } from "@/lib/validation/community";

/**
 * Records one entry of volunteer hours, idempotent on `clientId` (docs/architecture.md#offline): the target of the
 * offline
 * outbox for both a grid worker's entry for a member (confirmed) and a member's own (waits for the grid worker).
 */
export const POST = endpoint({
  name: "community.hours",
  input: hoursInput,
  run: (input, { db, scope }) => recordHours(db, scope, input),
});
