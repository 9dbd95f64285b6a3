"use client";

import { useEffect, useState } from "react";
import { pwa } from "@/lib/messages/pwa";

const SEEN_KEY = "zhibu:install-hint-seen";

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
}

/**
 * Offers to install the app once: the browser's own prompt where there is one (Android Chrome and the like),
 * a line on "分享 → 添加到主屏幕" on iPhone Safari, which has no prompt. Dismissed, it does not come back.
 */
export function InstallHint() {
  const [prompt, setPrompt] = useState<InstallPromptEvent | null>(null);
  const [ios, setIos] = useState(false);

  useEffect(() => {
    if (seen() || matchMedia("(display-mode: standalone)").matches) return;
    const standaloneIos = (navigator as Navigator & { standalone?: boolean }).standalone === true;
    if (/iPhone|iPad|iPod/.test(navigator.userAgent) && !standaloneIos) setIos(true);
    const onPrompt = (event: Event) => {
      event.preventDefault();
      setPrompt(event as InstallPromptEvent);
    };
    window.addEventListener("beforeinstallprompt", onPrompt);
    return () => window.removeEventListener("beforeinstallprompt", onPrompt);
  }, []);

  if (!prompt && !ios) return null;

  function close() {
    try {
      localStorage.setItem(SEEN_KEY, "1");
    } catch {}
    setPrompt(null);
    setIos(false);
  }

  return (
    // Over the page, not in its flow: it appears after the page has painted, and pushing the page down then
    // is a layout shift (Lighthouse counted ~0.1 CLS on every signed-in page).
    <aside
      aria-label={pwa.installTitle}
      className="fixed inset-x-0 top-3 z-30 mx-auto flex w-[calc(100%-2rem)] max-w-[34rem] items-center gap-3 rounded-xl bg-white p-3 shadow-lg ring-1 ring-stone-200"
    >
      <img src="/icons/icon-192.png" alt="" width={40} height={40} className="rounded-lg" />
      <p className="flex-1 text-sm">
        <span className="block font-medium">{pwa.installTitle}</span>
        {ios && pwa.iosHint}
      </p>
      {prompt && (
        <button
          type="button"
          className="min-h-11 rounded-lg bg-brand px-3 font-medium text-white"
          onClick={() => void prompt.prompt().finally(close)}
        >
          {pwa.install}
        </button>
      )}
      <button type="button" className="min-h-11 px-2 text-sm text-stone-600" onClick={close}>
        {pwa.later}
      </button>
    </aside>
  );
}

function seen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === "1";
  } catch {
    return true;
  }
}
