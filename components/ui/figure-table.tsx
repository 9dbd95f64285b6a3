import Link from "next/link";

export interface FigureRow {
  key: number;
  name: string;
  href: string;
  cells: (string | number)[];
}

/**
 * A report table: one linked name per row (its row header) and figures right-aligned, with an optional
 * totals row. The caption names the table for screen readers; it is not shown.
 */
export function FigureTable({
  caption,
  head,
  rows,
  foot,
}: {
  caption: string;
  head: string[];
  rows: FigureRow[];
  foot?: { name: string; cells: (string | number)[] };
}) {
  const [first, ...figures] = head;
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-sm text-stone-600">
        <tr>
          <th scope="col" className="py-2">
            {first}
          </th>
          {figures.map((h) => (
            <th key={h} scope="col" className="text-right">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100">
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="py-1 font-normal">
              <Link
                href={r.href}
                className="inline-flex min-h-11 items-center text-brand underline print:text-black print:no-underline"
              >
                {r.name}
              </Link>
            </th>
            {r.cells.map((c, i) => (
              <td key={i} className="text-right">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {foot && (
        <tfoot className="font-semibold">
          <tr>
            <th scope="row" className="py-2 text-left">
              {foot.name}
            </th>
            {foot.cells.map((c, i) => (
              <td key={i} className="text-right">
                {c}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
