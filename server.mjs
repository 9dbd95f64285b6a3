// How `npm start` serves the app: Next's own request handler for everything, except the few routes that a
// whole county calls within the same minutes (the check-in, and the live counts every open check-in screen
// polls), which are answered straight from node:http
// at a fifth of the CPU (docs/scaling.md). Their handlers are compiled with the app (lib/server/fast-routes.ts) and
// imported here from the build, through the compiled instrumentation.ts (its `fastRoutes` says why that file);
// under `next dev` Next's router serves them instead.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import next from "next";

const port = Number(process.env.PORT) || 3000;
const host = process.env.HOST || undefined; // every interface unless named (not HOSTNAME: shells set that)
// The same rule as next.config.ts's distDir.
const distDir = process.env.NEXT_DIST_DIR || ".next";

const app = next({ dev: false, port, hostname: host });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * @typedef {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse, params?:
 * Record<string, string>) => void} Handler
 */
/**
 * @type {{ fastRoutes(): Promise<(method?: string, pathname?: string) => [Handler, Record<string, string>] | null> }}
 */
const instrumentation = createRequire(import.meta.url)(path.resolve(distDir, "server", "instrumentation.js"));
const fastRoute = await instrumentation.fastRoutes();

// Route handlers see a Request without the socket: the sign-in throttle reads the client's address from this
// header, which only this server writes, over anything a client sent under the same name (lib/client-address.ts).
const PEER_HEADER = "x-zhibu-peer";
globalThis.zhibuPeerHeader = PEER_HEADER;

const server = createServer((request, response) => {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
  const route = fastRoute(request.method, request.url?.split("?", 1)[0]);
  if (route) route[0](request, response, route[1]);
  else void handle(request, response);
});
server.listen(port, host, () => console.log(`> zhibu ready on http://${host ?? "localhost"}:${port}`));

// Exit on a stop signal so that exit handlers (the PGlite data-directory lock) run, as `next start` does.
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => process.exit(0));
