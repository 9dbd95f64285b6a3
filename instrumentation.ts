/**
 * At boot: opens, migrates and (on an empty database) seeds, so the first request does not wait ~5 s; and
 * starts the scheduler.
 */
export async function register() {
  // The literal comparison lets the bundler drop the database from the edge build of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const [{ getDb }, { startScheduler }, { vapidKeys }, { env }] = await Promise.all([
      import("./db/index"),
      import("./lib/server/scheduler"),
      import("./lib/server/push"),
      import("./env"),
    ]);
    const db = await getDb();
    // The push key pair exists before any page offers the opt-in (pages only read it).
    await vapidKeys(db);
    // Reminders that are due, rosters of started activities, pushes and SMS a crash or a failing service
    // left behind: now and every SCHEDULER_SECONDS (docs/reminders-and-sms.md#the-scheduler).
    startScheduler(db, env.SCHEDULER_SECONDS * 1000);
  }
}

/**
 * How server.mjs finds the routes it answers before Next's router (lib/server/fast-routes.ts), for server.mjs to
 * import. It is
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
