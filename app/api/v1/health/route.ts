import { z } from "zod";
import { health } from "@/lib/server/health";
import { endpoint } from "@/lib/server/route";

/** For the operator and the balancer: do the primary and the replica answer, and the replica's lag. */
export const GET = endpoint({
  name: "health",
  input: z.object({}),
  session: "none",
  run: () => health(),
});
