import { readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

/**
 * First-load JavaScript of each app route, from a production build's own manifests (docs/architecture.md#budgets):
 * the chunks every page loads (build-manifest.json's rootMainFiles: webpack runtime, React, Next's app
 * router) plus every chunk of the client components in the route's tree, as its client reference manifest
 * lists them (its page, its layouts, their error boundaries). Polyfills are left out: only browsers without
 * ES modules load them. Each file counts once, gzipped at level 9.
 */
export interface RouteSize {
  route: string;
  firstLoadKB: number;
  /** The files counted, as paths under the dist dir. */
  chunks: string[];
}

type ClientManifest = { clientModules: Record<string, { chunks: string[] }> };

export function firstLoadSizes(distDir: string, include: (entry: string) => boolean): RouteSize[] {
  const build = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const appPaths = JSON.parse(readFileSync(path.join(distDir, "server/app-paths-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      // Chunk paths are URL paths: [activityId] is written %5BactivityId%5D.
      size = gzipSync(readFileSync(path.join(distDir, decodeURIComponent(file))), { level: 9 }).length;
      gzipped.set(file, size);
    }
    return size;
  };
  return Object.keys(appPaths)
    .filter((entry) => entry.endsWith("/page") && include(entry))
    .sort()
    .map((entry) => {
      const files = new Set(build.rootMainFiles);
      for (const module of Object.values(clientManifest(distDir, entry).clientModules)) {
        // [chunkId, file, chunkId, file, …]
        for (let i = 1; i < module.chunks.length; i += 2) files.add(module.chunks[i]);
      }
      const bytes = [...files].reduce((sum, file) => sum + sizeOf(file), 0);
      return {
        route: urlOf(entry),
        firstLoadKB: Math.round((bytes / 1024) * 10) / 10,
        chunks: [...files].map((file) => decodeURIComponent(file)),
      };
    });
}

/** Gzipped size of some built files (paths under the dist dir, as URLs name them), in KB. */
export function filesKB(distDir: string, files: string[]): number {
  const bytes = [...new Set(files)].reduce(
    (sum, file) => sum + gzipSync(readFileSync(path.join(distDir, decodeURIComponent(file))), { level: 9 }).length,
    0,
  );
  return Math.round((bytes / 1024) * 10) / 10;
}

/** The manifest is a script that assigns to globalThis.__RSC_MANIFEST; run it in a sandbox of its own. */
function clientManifest(distDir: string, entry: string): ClientManifest {
  const file = path.join(distDir, "server/app", `${entry}_client-reference-manifest.js`);
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`no client reference manifest for ${entry} in ${file}`);
  return manifest;
}

/** "/(member)/activities/[activityId]/page" → "/activities/[activityId]" */
export function urlOf(entry: string): string {
  const url = entry.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "");
  return url === "" ? "/" : url;
}
