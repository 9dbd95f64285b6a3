import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";
import { checkIn } from "@/db/queries/checkins";
import { env } from "@/env";
import type { Ctx } from "./action";
import { nodeRoute, route } from "./route";
import { requireTokenContext } from "./session-token";
import { checkinInput } from "./validation/checkins";

/**
 * The endpoint a whole county calls within the same few minutes: a member's check-in (issue 4,
 * docs/scaling.md). Defined once, served two ways: as the route handler of app/api/v1/checkins (under
 * `next dev`, and wherever Next's own server runs) and as a node:http handler that server.mjs — how
 * `npm start` serves the app — calls before Next's router, at a fifth of the CPU per check-in. The session
 * is read from the cookie (lib/session-token.ts), since there is no Next request scope on that path.
 */
const name = "checkin";
// The auth secret opens the seal the /c page put on a scan that went through sign-in.
const run = (input: z.output<typeof checkinInput>, { db, scope }: Ctx) => checkIn(db, scope, input, new Date(), env.AUTH_SECRET);
const options = { context: requireTokenContext };

export const postCheckin = route(name, checkinInput, run, options);

/** "METHOD /path" → handler; instrumentation.ts hands this table to server.mjs at boot. */
export const fastRoutes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  "POST /api/v1/checkins": nodeRoute(name, checkinInput, run, options),
};
