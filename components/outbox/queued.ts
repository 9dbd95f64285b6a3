import type { OutboxItem } from "./store";

/** Still waiting for a definite answer (the pending count); "sent" and "refused" items only show their answer. */
export function isQueued(item: Pick<OutboxItem, "state">): boolean {
  return item.state === "pending" || item.state === "sending";
}
