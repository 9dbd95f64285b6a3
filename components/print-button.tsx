"use client";

import { Button } from "./ui/button";

/** Opens the browser's print dialog; hidden on the printed page itself. */
export function PrintButton({ children }: { children: React.ReactNode }) {
  return (
    <Button type="button" className="w-full print:hidden" onClick={() => window.print()}>
      {children}
    </Button>
  );
}
