import { postCheckin } from "@/lib/server/fast-routes";

/**
 * A member's check-in, from the scan page, the code form or an offline outbox replay. Idempotent on clientId.
 * Under `npm start` server.mjs answers this path itself, from the same definition (lib/server/fast-routes.ts).
 */
export const POST = postCheckin;
