import path from "node:path";
import type { TestProject } from "vitest/node";
import { stackConfig, stackDown, stackUp } from "../../ops/stack";

/**
 * The topology of docs/operations.md, started once for the `topology` project and removed afterwards: its own
 * primary, replica, PgBouncer, two instances and nginx under `.stack-test/`, on ports apart from
 * `npm run stack:up`'s (so both can be up at once). Serves the production build named by NEXT_DIST_DIR
 * (`.next` by default: `npm test` has built it before .ci/run gets here).
 */
export default async function setup(project: TestProject) {
  const config = stackConfig({
    dir: path.resolve(process.env.STACK_DIR || ".stack-test"),
    primaryPort: Number(process.env.STACK_PRIMARY_PORT) || 5443,
    replicaPort: Number(process.env.STACK_REPLICA_PORT) || 5444,
    bouncerPort: Number(process.env.STACK_BOUNCER_PORT) || 6443,
    appPorts: (process.env.STACK_APP_PORTS || "3143,3144").split(",").map(Number),
    port: Number(process.env.STACK_PORT) || 3145,
    // The tests write their own county; the push sweep runs every second so both instances race for it.
    env: { SEED_DEMO: "false", SCHEDULER_SECONDS: "1" },
  });
  stackDown(config.dir); // whatever a killed earlier run left
  try {
    await stackUp(config);
  } catch (error) {
    stackDown(config.dir);
    throw error;
  }
  project.provide("stackDir", config.dir);
  return () => stackDown(config.dir);
}

declare module "vitest" {
  export interface ProvidedContext {
    stackDir: string;
  }
}
