/**
 * Copies of reads that are the same for many people, kept for a few seconds per key in this process, so that
 * a county opening the app within the same minutes reads each of them once per key and interval instead of
 * once per person. Whoever uses a copy decides what the key is and who may have it; a read that fails is
 * not kept. A change shows once the copy's time is up (each user states that time).
 */
export function shortCopies<K, V>(ms: number, maxEntries = 5_000) {
  const copies = new Map<K, { at: number; value: Promise<V> }>();
  return {
    get(key: K, load: () => Promise<V>, now = Date.now()): Promise<V> {
      const copy = copies.get(key);
      if (copy && now - copy.at < ms && now >= copy.at) return copy.value;
      if (copies.size >= maxEntries) {
        for (const [k, old] of copies) if (now - old.at >= ms) copies.delete(k);
        if (copies.size >= maxEntries) copies.clear();
      }
      const value = load();
      const entry = { at: now, value };
      copies.set(key, entry);
      value.catch(() => {
        if (copies.get(key) === entry) copies.delete(key);
      });
      return value;
    },
  };
}
