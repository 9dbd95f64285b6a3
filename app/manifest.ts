import type { MetadataRoute } from "next";
import { t } from "@/lib/messages";

const BRAND = "#b91c1c";

/** The web app manifest: what the phone shows when the app is installed to the home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: t.app.name,
    short_name: t.app.name,
    description: t.pwa.description,
    lang: "zh-CN",
    dir: "ltr",
    // The static start page (app/(member)/today): opens from the service worker's precache, then one read.
    start_url: "/today",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: BRAND,
    background_color: "#f5f5f4",
    categories: ["productivity", "education"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      {
        name: t.pwa.shortcutCheckin,
        short_name: t.pwa.shortcutCheckin,
        url: "/today",
        icons: [{ src: "/icons/shortcut-checkin.png", sizes: "96x96", type: "image/png" }],
      },
      {
        name: t.pwa.shortcutLeave,
        short_name: t.pwa.shortcutLeave,
        url: "/leave",
        icons: [{ src: "/icons/shortcut-leave.png", sizes: "96x96", type: "image/png" }],
      },
    ],
  };
}
