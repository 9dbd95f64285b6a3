import { describe, expect, it } from "vitest";
import { allSpecifiers, isServerActionModule, relative, resolve, runtimeImports, sourceFiles } from "./source-graph";

/**
 * The layers of docs/architecture.md, top to bottom: pages and route handlers (app/) and the UI
 * (components/) → server glue (lib/server/) → the data layer (db/) → pure domain code (lib/, the rest).
 * A layer imports only from layers below it; nothing imports upwards and nothing imports in a circle.
 */
type Layer = "app" | "ui" | "glue" | "db" | "domain";

function layerOf(file: string): Layer | null {
  const name = relative(file);
  if (name.startsWith("app/") || name === "proxy.ts" || name === "instrumentation.ts") return "app";
  if (name.startsWith("components/")) return "ui";
  if (name.startsWith("lib/server/") || name === "auth.ts") return "glue";
  if (name.startsWith("db/")) return "db";
  if (name.startsWith("lib/") || name === "env.ts") return "domain";
  return null;
}

const below: Record<Layer, Layer[]> = {
  app: ["app", "ui", "glue", "db", "domain"],
  ui: ["ui", "glue", "db", "domain"],
  glue: ["glue", "db", "domain"],
  db: ["db", "domain"],
  domain: ["domain"],
};

/** Packages a layer must not use: the framework stays above the data layer and the domain. */
const forbiddenPackages: Partial<Record<Layer, RegExp>> = {
  db: /^(react|react-dom|next|next-auth)(\/|$)/,
  domain: /^(react|react-dom|next|next-auth|server-only|postgres|@electric-sql\/pglite|drizzle-orm)(\/|$)/,
};

/**
 * The one upward import, on purpose: notify() queues a push in the change's transaction and starts its
 * delivery once that commits; the sender is server glue (web-push). Inverting it through a registry would
 * depend on which module instance registered first, and a push could then wait for the minute's sweep.
 */
const allowed = new Set(["db/queries/notify.ts → lib/server/delivery.ts"]);

const files = ["app", "components", "lib", "db"]
  .flatMap(sourceFiles)
  .filter((f) => !relative(f).includes("/migrations/"));

describe("layers", () => {
  it("finds the source", () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it("imports only downwards", () => {
    const wrong: string[] = [];
    for (const file of files) {
      const layer = layerOf(file)!;
      for (const spec of allSpecifiers(file)) {
        const target = resolve(file, spec);
        if (target) {
          const to = layerOf(target);
          // A form in components/ may name a server action of app/: the browser gets a reference, not its code.
          const action = layer === "ui" && to === "app" && isServerActionModule(target);
          const named = `${relative(file)} → ${relative(target)}`;
          if (to && !action && !allowed.has(named) && !below[layer].includes(to))
            wrong.push(`${relative(file)} (${layer}) → ${relative(target)} (${to})`);
        } else if (forbiddenPackages[layer]?.test(spec)) {
          wrong.push(`${relative(file)} (${layer}) → ${spec}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("pages and components never hold the database client", () => {
    const wrong = files.filter((file) => {
      const layer = layerOf(file);
      if (layer !== "app" && layer !== "ui") return false;
      return allSpecifiers(file).some((spec) => spec === "@/db" || spec === "@/db/index" || spec === "@/db/open");
    });
    expect(wrong.map(relative)).toEqual([]);
  });

  it("has no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, "open");
      stack.push(file);
      for (const next of runtimeImports(file)) {
        if (state.get(next) === "open")
          cycles.push(stack.slice(stack.indexOf(next)).concat(next).map(relative).join(" → "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, "done");
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
