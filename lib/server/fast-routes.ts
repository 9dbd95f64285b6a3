import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkIn } from "@/db/queries/checkins";
import { env } from "@/env";
import { checkinInput } from "../validation/checkins";
import { type Definition, endpoint, nodeEndpoint } from "./route";

/**
 * The endpoint a whole county calls within the same few minutes: a member's check-in
 * (docs/scaling.md). Defined once, served two ways: as the route handler of app/api/v1/checkins (under
 * `next dev`, and wherever Next's own server runs) and as a node:http handler that server.mjs — how
 * `npm start` serves the app — calls before Next's router, at a fifth of the CPU per check-in. The session
 * is read from the cookie (lib/server/session-token.ts), since there is no Next request scope on that path.
 */
const checkin = {
  name: "checkin",
  input: checkinInput,
  session: "token",
  // The auth secret opens the seal the /c page put on a scan that went through sign-in.
  run: (input, { db, scope }) => checkIn(db, scope, input, new Date(), env.AUTH_SECRET),
} satisfies Definition<typeof checkinInput, "json", "token">;

export const postCheckin = endpoint(checkin);

/** "METHOD /path" → handler; server.mjs imports this table from the build (instrumentation.ts `fastRoutes`). */
export const fastRoutes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  "POST /api/v1/checkins": nodeEndpoint(checkin),
};
