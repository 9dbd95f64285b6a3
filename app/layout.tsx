import type { Metadata, Viewport } from "next";
import { AppShell } from "@/components/app-shell";
import { t } from "@/lib/messages";
import { isElderMode } from "@/lib/server/elder-mode";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: t.app.name, template: `%s · ${t.app.name}` },
  description: t.app.fullName,
  applicationName: t.app.name,
  // Named, so browsers do not ask for /favicon.ico (a 404 logged in the console) and iOS finds its icon.
  icons: { icon: "/icons/icon-192.png", apple: "/icons/apple-touch-icon.png" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#b91c1c",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // 长辈模式 scales the whole page from the root (rem), so every size grows together (see globals.css).
  const elder = await isElderMode();
  return (
    <html lang="zh-CN" className={elder ? "elder" : undefined}>
      <body className="min-h-dvh">
        <AppShell>{children}</AppShell>
      </body>
    </html>
  );
}
