/**
 * Sets `key` in an insertion-ordered map, moving it to the end, and drops the oldest entry once the
 * map holds more than `capacity`: the first entry is the least recently written.
 */
export function setBounded<V>(map: Map<string, V>, key: string, value: V, capacity: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > capacity) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
}
