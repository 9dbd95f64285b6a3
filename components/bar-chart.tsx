/** A small horizontal bar chart with its figures written out, so it reads without colour or the picture. */
export function BarChart({
  label,
  bars,
}: {
  label: string;
  bars: { name: string; value: number | null; text: string }[];
}) {
  const max = Math.max(1e-9, ...bars.map((b) => Math.abs(b.value ?? 0)));
  return (
    <figure aria-label={label} className="space-y-2">
      {bars.map((b) => (
        <div key={b.name} className="grid grid-cols-[7.5rem_1fr_3.5rem] items-center gap-2 text-sm">
          <span className="leading-tight text-stone-700">{b.name}</span>
          <span className="h-4 rounded bg-stone-100" aria-hidden>
            <span
              className={`block h-4 rounded ${(b.value ?? 0) < 0 ? "bg-red-700" : "bg-brand"}`}
              style={{ width: `${(Math.abs(b.value ?? 0) / max) * 100}%` }}
            />
          </span>
          <span className="text-right font-medium">{b.text}</span>
        </div>
      ))}
    </figure>
  );
}
