import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs"],
  poweredByHeader: false,
  // Lets two builds (say, two e2e runs on one machine) keep apart; unset in normal use.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: { serverActions: { bodySizeLimit: "3mb" } },
};

export default nextConfig;
