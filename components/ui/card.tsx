import type { ReactNode } from "react";

export function Card({
  title,
  action,
  children,
  className = "",
}: {
  title?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`ui-card rounded-xl bg-white p-4 shadow-sm ${className}`}>
      {(title || action) && (
        <div className="mb-3 flex items-center justify-between gap-2">
          {title && <h2 className="text-lg font-semibold">{title}</h2>}
          {action}
        </div>
      )}
      {children}
    </section>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-xl bg-white p-6 text-center text-stone-600">{children}</p>;
}

export function Tag({
  children,
  tone = "stone",
}: {
  children: ReactNode;
  tone?: "stone" | "red" | "amber" | "green" | "blue";
}) {
  const tones = {
    stone: "bg-stone-100 text-stone-700",
    red: "bg-red-50 text-red-800",
    amber: "bg-amber-50 text-amber-800",
    green: "bg-green-50 text-green-800",
    blue: "bg-blue-50 text-blue-800",
  };
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs ${tones[tone]}`}>{children}</span>;
}
