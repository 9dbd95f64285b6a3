"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useSyncExternalStore } from "react";
import { checkin } from "@/lib/messages/checkin";
import { Button } from "./ui/button";
import { Icon } from "./ui/icon";

type Scanner = typeof import("./qr-scanner").default;

/** The code field of the CheckinForm beside this button, where a member without a camera goes instead. */
const CODE_FIELD = "checkin-code";

const noSubscription = () => () => {};
/** Missing on old browsers and on pages not served over HTTPS, where no camera can be asked for. */
const canUseCamera = () => Boolean(navigator.mediaDevices?.getUserMedia);

/**
 * 扫码签到 on the activity page. The scanner and its decoder are fetched on the tap, so a member who types
 * the code (or never checks in) downloads none of it.
 */
export function ScanCheckinButton({ activityId, elder = false }: { activityId: number; elder?: boolean }) {
  const router = useRouter();
  const supported = useSyncExternalStore(noSubscription, canUseCamera, () => true);
  const [Scanner, setScanner] = useState<Scanner | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!supported) return null;

  async function open() {
    setLoading(true);
    setFailed(false);
    try {
      const { default: scanner } = await import("./qr-scanner");
      setScanner(() => scanner);
    } catch {
      setFailed(true); // offline before the scanner was ever cached
    }
    setLoading(false);
  }

  function close(focus: "button" | "code", checkedIn = false) {
    setScanner(null);
    // Only now: the record replaces this button and the scanner with it, answer and all.
    if (checkedIn) router.refresh();
    // The dialog leaves with the scanner: put the focus back where the member was, or on the code field.
    requestAnimationFrame(() => (focus === "code" ? document.getElementById(CODE_FIELD) : button.current)?.focus());
  }

  return (
    <>
      <Button
        ref={button}
        type="button"
        variant="secondary"
        aria-haspopup="dialog"
        disabled={loading}
        onClick={open}
        className="min-h-14 w-full text-lg"
      >
        <Icon name="scan" />
        {checkin.scanButton}
      </Button>
      {failed && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">
          {checkin.scanUnavailable}
        </p>
      )}
      {Scanner && (
        <Scanner
          activityId={activityId}
          elder={elder}
          onClose={(checkedIn) => close("button", checkedIn)}
          onTypeCode={() => close("code")}
        />
      )}
    </>
  );
}
