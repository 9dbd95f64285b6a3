/**
 * A server script (server.mjs, or next's bin with `start …`) in N processes sharing one port (node:cluster hands
 * each incoming connection to a worker), as a deployment runs several instances of the stateless web tier.
 * For BENCH_INSTANCES > 1. Usage: node --import tsx bench/cluster.ts <instances> <script> <args…>
 */
import cluster from "node:cluster";
import { pathToFileURL } from "node:url";

const [instances, ...args] = process.argv.slice(2);
if (cluster.isPrimary) {
  for (let i = 0; i < Number(instances); i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    console.error(`worker ${worker.process.pid} exited with ${code}`);
    process.exit(1);
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => process.exit(0));
} else {
  process.argv = [process.argv[0], ...args];
  await import(pathToFileURL(args[0]).href);
}
