/** A row of figures, each with its label: the top of a dashboard or report. */
export function StatGrid({ items }: { items: [label: string, value: string | number][] }) {
  const columns = { 2: "grid-cols-2", 3: "grid-cols-3", 4: "grid-cols-4" }[items.length] ?? "grid-cols-3";
  return (
    <dl className={`grid ${columns} gap-2 text-center`}>
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg bg-stone-50 p-2">
          <dt className="text-sm text-stone-600">{label}</dt>
          <dd className="text-2xl font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
