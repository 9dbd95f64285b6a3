"use client";

export function RetryButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => location.reload()}
      className="inline-flex min-h-11 items-center rounded-lg bg-brand px-4 font-medium text-white"
    >
      {label}
    </button>
  );
}
