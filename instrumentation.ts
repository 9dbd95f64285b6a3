/**
 * At boot: opens, migrates and (on an empty database) seeds, so the first request does not wait ~5 s; and
 * starts the push sweep and the roster job.
 */
export async function register() {
  // The literal comparison lets the bundler drop the database from the edge build of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const [{ getDb }, { sendDuePushes, sendPushesEvery }, { freezeRostersEvery }] = await Promise.all([
      import("./db/index"),
      import("./lib/server/push"),
      import("./lib/server/roster-freeze"),
    ]);
    const db = await getDb();
    // Pushes a crash or a failing push service left in the outbox, now and every minute (lib/server/push.ts).
    sendDuePushes(db);
    sendPushesEvery(db);
    // Expected rosters of the activities that have started stop following their branch.
    freezeRostersEvery(db);
  }
}

/**
 * How server.mjs finds the routes it answers before Next's router (lib/server/fast-routes.ts), for server.mjs to import. It is
 * here because this file is compiled into the one module of the build that a plain node script can load and
 * share with Next: Next itself loads `<distDir>/server/instrumentation.js` with Node's require(), so
 * server.mjs's require() of the same file gets the same module, and its chunks (the database client, the
 * check-in's caches) come through the same webpack runtime as the route handlers'. The route's own module
 * under `server/app/` cannot be used: a route file may export only its methods.
 */
export async function fastRoutes() {
  // Inside the literal comparison, so the edge build drops the import (as in register above).
  if (process.env.NEXT_RUNTIME === "nodejs") return (await import("./lib/server/fast-routes")).fastRoute;
  return () => null;
}
