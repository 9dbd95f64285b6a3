/**
 * `npm run stack:up` / `npm run stack:down` (docs/operations.md#topology). Needs a production build
 * (`npm run build`, or NEXT_DIST_DIR naming another) and the Debian packages postgresql, pgbouncer and nginx.
 */
import { stackDown, stackUp } from "./stack";

const command = process.argv[2];
if (command === "up") {
  stackUp().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error("npm run stack:down removes what was started");
    process.exit(1);
  });
} else if (command === "down") {
  stackDown();
} else {
  console.error("usage: tsx ops/stack-cli.ts up|down");
  process.exit(2);
}
