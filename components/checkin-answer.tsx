import type { CheckinResult } from "./checkin-client";

/** The server's answer to a scan, or the note that it waits in the outbox: green, amber or red. */
export function CheckinAnswer({ result, className = "text-lg" }: { result: CheckinResult; className?: string }) {
  const tone = result.ok
    ? "bg-green-50 text-green-900"
    : result.queued
      ? "bg-amber-50 text-amber-900"
      : "bg-red-50 text-red-800";
  return (
    <p className={`rounded-lg p-4 ${tone} ${className}`} role={result.ok || result.queued ? "status" : "alert"}>
      {result.ok ? "✓ " : ""}
      {result.message}
    </p>
  );
}
