import "server-only";
import { checkIn } from "@/db/queries/checkins";
import { markActivityRead } from "@/db/queries/notices";
import { env } from "@/env";
import { activityIdParam, checkinInput } from "../validation/checkins";
import { noInput } from "../validation/fields";
import { liveAttendance } from "./live-attendance";
import { type Definition, endpoint, type NodeHandler, nodeEndpoint } from "./route";
import { todayFor } from "./today";

/**
 * The endpoints a whole county calls within the same few minutes: the start page's read, a member's check-in, the read receipt
 * their activity page sends once shown, and the live counts that every open check-in screen polls every 5 s
 * (docs/scaling.md). Defined once, served two ways: as the route handler of app/api/v1/checkins (under
 * `next dev`, and wherever Next's own server runs) and as a node:http handler that server.mjs — how
 * `npm start` serves the app — calls before Next's router, at a fifth of the CPU per check-in. The session
 * is read from the cookie (lib/server/session-token.ts), since there is no Next request scope on that path.
 */
const checkin = {
  name: "checkin",
  input: checkinInput,
  session: "token",
  renews: true,
  // The auth secret opens the seal the /c page put on a scan that went through sign-in.
  run: (input, { db, scope }) => checkIn(db, scope, input, new Date(), env.AUTH_SECRET),
} satisfies Definition<typeof checkinInput, "json", "token">;

export const postCheckin = endpoint(checkin);

/**
 * The member has seen the activity: its notices are read (the secretary's read receipt). Sent by the page once shown.
 */
const activityRead = {
  name: "notice.activity_read",
  input: activityIdParam,
  session: "token",
  run: async (input, { db, scope }) => ({ read: await markActivityRead(db, scope, input.activityId) }),
} satisfies Definition<typeof activityIdParam, "json", "token">;

export const postActivityRead = endpoint(activityRead);

/** The secretary's live counts, a copy at most LIVE_COUNTS_MS old (lib/server/live-attendance.ts). */
const attendance = {
  name: "attendance.summary",
  // From the replica when there is one, unless this secretary just wrote (lib/server/read-db.ts).
  reads: "replica",
  input: activityIdParam,
  session: "token",
  run: (input, { db, scope }) => liveAttendance(db, scope, input.activityId),
} satisfies Definition<typeof activityIdParam, "json", "token">;

export const getAttendance = endpoint(attendance);

/**
 * The start page's one read (app/(member)/today): the member's own state beside their branch's next activity.
 * Never kept by the service worker (lib/pwa-caching.ts); the page keeps its own copy for its owner only.
 */
const today = {
  name: "today.read",
  input: noInput,
  session: "token",
  // The page itself is static and passes no proxy: its read is what keeps a member who only opens it signed in.
  renews: true,
  run: (_input, { db, scope }) => todayFor(db, scope),
} satisfies Definition<typeof noInput, "json", "token">;

export const getToday = endpoint(today);

/**
 * "METHOD /path" → handler, a `:name` segment being a path parameter (the same name as the route folder's
 * `[name]`).
 */
export const fastRoutes: Record<string, NodeHandler> = {
  "POST /api/v1/checkins": nodeEndpoint(checkin),
  "POST /api/v1/activities/:activityId/read": nodeEndpoint(activityRead),
  "GET /api/v1/activities/:activityId/attendance": nodeEndpoint(attendance),
  "GET /api/v1/today": nodeEndpoint(today),
};

const matchers = Object.entries(fastRoutes).map(([key, handler]) => {
  const [method, pattern] = key.split(" ");
  const names: string[] = [];
  const source = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { method, match: new RegExp(`^${source}$`), names, handler };
});

/**
 * The fast handler of a request and its path parameters, or null for Next's router; server.mjs asks this
 * for every request (instrumentation.ts `fastRoutes`). A parameter is handed over as Next would hand over a
 * `[name]` segment, and the endpoint's schema judges it.
 */
export function fastRoute(method = "", pathname = ""): [NodeHandler, Record<string, string>] | null {
  for (const route of matchers) {
    if (route.method !== method) continue;
    const found = route.match.exec(pathname);
    if (found) return [route.handler, Object.fromEntries(route.names.map((name, i) => [name, decoded(found[i + 1])]))];
  }
  return null;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
