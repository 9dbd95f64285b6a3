"use client";

import { useEffect, useState } from "react";
import { subscribePushAction, unsubscribePushAction } from "@/app/(member)/me/push-actions";
import { Button } from "@/components/ui/button";
import { push } from "@/lib/messages/push";

type State = "checking" | "unsupported" | "denied" | "off" | "on";

/**
 * 消息提醒 on 我的: subscribes this browser to Web Push with the server's VAPID key and hands the
 * subscription to the server, or takes it back. iOS only offers push to an app added to the home screen,
 * and only after a tap, so the browser is asked for permission from the button, never on page load.
 */
export function PushOptIn({ publicKey }: { publicKey: string }) {
  const [state, setState] = useState<State>("checking");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const registration = await workerRegistration();
      if (!registration) return setState("unsupported");
      if (Notification.permission === "denied") return setState("denied");
      setState((await registration.pushManager.getSubscription()) ? "on" : "off");
    })();
  }, []);

  async function turnOn() {
    const registration = await workerRegistration();
    if (!registration) return setState("unsupported");
    if ((await Notification.requestPermission()) !== "granted") return setState("denied");
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: publicKey,
    });
    const result = await subscribePushAction(null, subscription.toJSON() as Parameters<typeof subscribePushAction>[1]);
    if (!result.ok) {
      await subscription.unsubscribe();
      throw new Error(result.error);
    }
    setState("on");
    setMessage(push.turnedOn);
  }

  async function turnOff() {
    const registration = await workerRegistration();
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      await unsubscribePushAction(null, { endpoint: subscription.endpoint });
      await subscription.unsubscribe();
    }
    setState("off");
    setMessage(push.turnedOff);
  }

  async function toggle() {
    setBusy(true);
    setMessage(null);
    try {
      await (state === "on" ? turnOff() : turnOn());
    } catch {
      setMessage(push.failed);
    } finally {
      setBusy(false);
    }
  }

  if (state === "unsupported" || state === "denied")
    return <p className="text-stone-700">{state === "denied" ? push.denied : push.unsupported}</p>;
  return (
    <div className="space-y-3">
      <p className="text-stone-700">{push.hint}</p>
      <p className="font-medium">
        {push.state}：<span data-testid="push-state">{state === "on" ? push.on : push.off}</span>
      </p>
      {message && (
        <p role="status" className="text-stone-800">
          {message}
        </p>
      )}
      <Button
        type="button"
        variant={state === "on" ? "secondary" : "primary"}
        disabled={busy || state === "checking"}
        onClick={() => void toggle()}
      >
        {state === "on" ? push.turnOff : push.turnOn}
      </Button>
    </div>
  );
}

/** The service worker's registration, or null where push cannot work (no worker, no PushManager, dev mode). */
async function workerRegistration(): Promise<ServiceWorkerRegistration | null> {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return null;
  if (!(await navigator.serviceWorker.getRegistration())) return null;
  // Subscribing needs an active worker; a registration still installing becomes one shortly.
  return navigator.serviceWorker.ready;
}
