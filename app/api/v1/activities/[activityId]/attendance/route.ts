import { getAttendance } from "@/lib/server/fast-routes";

/**
 * Live counts for the secretary's check-in screen, polled every few seconds (a copy at most 2 s old). Defined
 * in lib/server/fast-routes.ts, which server.mjs also answers from node:http before Next's router.
 */
export const GET = getAttendance;
