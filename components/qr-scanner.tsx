"use client";

import { useEffect, useRef, useState } from "react";
import { readScannedCheckin } from "@/lib/checkin-url";
import { checkin } from "@/lib/messages/checkin";
import { scan as m } from "@/lib/messages/scan";
import { CheckinAnswer } from "./checkin-answer";
import { type CheckinResult, sendScannedCheckin } from "./checkin-client";
import { createQrReader, type QrReader } from "./qr-reader";
import { Button } from "./ui/button";

type State =
  | { phase: "starting" }
  | { phase: "scanning"; notice?: string }
  | { phase: "sending" }
  | { phase: "answered"; result: CheckinResult }
  | { phase: "failed"; message: string };

/** Pause between two reads of the frame: quick enough to feel instant, slow enough to spare an old phone. */
const READ_EVERY_MS = 200;

function cameraMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return m.denied;
  if (name === "NotFoundError" || name === "OverconstrainedError") return m.noCamera;
  if (name === "NotReadableError") return m.busy;
  return m.failed;
}

/**
 * The in-app scanner, loaded only when the member taps 扫码签到: the rear camera in a modal dialog, read a
 * few times a second until this activity's check-in code turns up, which is then sent as a scan from the
 * /c page would be. The camera stops as soon as the code is read, on close, and when the page is hidden.
 */
export default function QrScanner({
  activityId,
  elder,
  onClose,
  onTypeCode,
}: {
  activityId: number;
  elder: boolean;
  /** Told whether the member is now checked in, so the page behind can show the record. */
  onClose: (checkedIn: boolean) => void;
  onTypeCode: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<State>({ phase: "starting" });
  const [decoder, setDecoder] = useState<QrReader["kind"]>();
  const checkedIn = state.phase === "answered" && state.result.ok;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    const hidden = () => document.hidden && onClose(checkedIn);
    document.addEventListener("visibilitychange", hidden);
    return () => document.removeEventListener("visibilitychange", hidden);
  }, [onClose, checkedIn]);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };

    async function scan(reader: QrReader, view: HTMLVideoElement) {
      const text = view.readyState >= view.HAVE_CURRENT_DATA ? await reader.read(view).catch(() => null) : null;
      if (stopped) return;
      const scanned = text === null ? null : readScannedCheckin(text, window.location.origin, activityId);
      if (scanned?.ok) {
        stop();
        setState({ phase: "sending" });
        const result = await sendScannedCheckin(scanned.checkin);
        setState({ phase: "answered", result });
        return;
      }
      if (scanned) {
        const notice = m[scanned.reason];
        setState((now) => (now.phase === "scanning" && now.notice === notice ? now : { phase: "scanning", notice }));
      }
      timer = setTimeout(() => void scan(reader, view), READ_EVERY_MS);
    }

    async function start() {
      // The decoder loads while the member answers the permission prompt.
      const loading = createQrReader();
      loading.catch(() => {});
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: "environment" } },
          audio: false,
        });
        const reader = await loading;
        const view = video.current;
        if (stopped || !view) return stop();
        view.srcObject = stream;
        await view.play();
        setDecoder(reader.kind);
        setState({ phase: "scanning" });
        void scan(reader, view);
      } catch (error) {
        if (!stopped) setState({ phase: "failed", message: cameraMessage(error) });
        stop();
      }
    }

    void start();
    return stop;
  }, [activityId]);

  const text = elder ? "text-xl" : "text-lg";
  const viewing = state.phase === "starting" || state.phase === "scanning" || state.phase === "sending";
  return (
    <dialog
      ref={dialog}
      aria-labelledby="qr-scanner-title"
      data-decoder={decoder}
      onCancel={(event) => {
        event.preventDefault();
        onClose(checkedIn);
      }}
      className="m-0 h-dvh max-h-none w-full max-w-none bg-stone-950 p-0 text-white backdrop:bg-black"
    >
      <div className="mx-auto flex h-full max-w-md flex-col gap-4 p-4">
        <h2 id="qr-scanner-title" className="text-xl font-semibold">
          {m.title}
        </h2>
        <div className={`relative aspect-square w-full overflow-hidden rounded-xl bg-black ${viewing ? "" : "hidden"}`}>
          <video ref={video} muted playsInline aria-hidden className="size-full object-cover" />
          <div aria-hidden className="pointer-events-none absolute inset-[12%] rounded-lg border-4 border-white/80" />
        </div>
        <p aria-live="polite" className={text}>
          {state.phase === "starting" && m.starting}
          {state.phase === "scanning" &&
            (state.notice ? (
              <span className="block rounded-lg bg-amber-100 p-3 text-amber-950">{state.notice}</span>
            ) : (
              m.aim
            ))}
          {state.phase === "sending" && checkin.scanned}
        </p>
        {state.phase === "answered" && <CheckinAnswer result={state.result} className={text} />}
        {state.phase === "failed" && (
          <p role="alert" className={`rounded-lg bg-red-50 p-4 text-red-800 ${text}`}>
            {state.message}
          </p>
        )}
        <div className="mt-auto grid gap-3">
          {state.phase === "failed" && (
            <Button type="button" className="min-h-14 text-lg" onClick={onTypeCode}>
              {m.typeCode}
            </Button>
          )}
          <Button
            type="button"
            variant={state.phase === "answered" ? "primary" : "secondary"}
            className="min-h-14 text-lg"
            onClick={() => onClose(checkedIn)}
          >
            {m.close}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
