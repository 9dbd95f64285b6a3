import { getToday } from "@/lib/server/fast-routes";

/**
 * The start page's read (/today). Under `npm start` server.mjs answers this path itself, from the same
 * definition (lib/server/fast-routes.ts).
 */
export const GET = getToday;
