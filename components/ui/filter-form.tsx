import type { ReactNode } from "react";
import { Button } from "./button";

/**
 * A filter over the page's own query string: a plain GET form, so it works without script, the address can be
 * kept and the back button returns to the last choice. Its fields (`Field`, `Select`) and one button; never printed.
 */
export function FilterForm({
  submit,
  children,
  columns = 1,
}: {
  submit: string;
  children: ReactNode;
  columns?: 1 | 2;
}) {
  return (
    <form className={`grid gap-2 rounded-xl bg-white p-3 print:hidden ${columns === 2 ? "grid-cols-2" : ""}`}>
      {children}
      <Button type="submit" className={columns === 2 ? "col-span-2" : ""}>
        {submit}
      </Button>
    </form>
  );
}
