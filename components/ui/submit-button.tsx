"use client";

import { common } from "@/lib/messages/common";
import { Button } from "./button";
import { usePending } from "./form-state";

/** Disabled while its ActionForm is waiting for the server. */
export function SubmitButton({ children, className = "w-full", ...props }: React.ComponentProps<typeof Button>) {
  const pending = usePending();
  return (
    <Button type="submit" className={className} disabled={pending} {...props}>
      {pending ? common.saving : children}
    </Button>
  );
}
