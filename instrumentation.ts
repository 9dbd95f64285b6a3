/**
 * At boot: opens, migrates and (on an empty database) seeds, so the first request does not wait ~5 s; and
 * hands server.mjs the routes it serves before Next's router (lib/fast-routes.ts).
 */
export async function register() {
  // The literal comparison lets the bundler drop the database from the edge build of this file.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const [{ getDb }, { fastRoutes }] = await Promise.all([import("./db"), import("./lib/fast-routes")]);
    (globalThis as { zhibuFastRoutes?: typeof fastRoutes }).zhibuFastRoutes = fastRoutes;
    await getDb();
  }
}
