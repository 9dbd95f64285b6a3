import { postActivityRead } from "@/lib/server/fast-routes";

/**
 * The member has seen the activity: its notices are read. Defined in lib/server/fast-routes.ts, which
 * server.mjs also answers from node:http before Next's router (every member sends it at the theme day's start).
 */
export const POST = postActivityRead;
