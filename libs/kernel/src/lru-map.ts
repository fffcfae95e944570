/**
 * A Map that keeps at most `capacity` entries, dropping the least recently used: for per-process caches of
 * things that are many over a process's life (published snapshots, sessions), so memory stays bounded.
 * Given `weight`, it also keeps the entries' total weight (e.g. their bytes) within `maxWeight`: an entry
 * heavier than that alone is not kept at all.
 */
export class LruMap<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  constructor(
    readonly capacity: number,
    private readonly bound?: { weight: (value: V) => number; maxWeight: number },
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LruMap capacity must be a positive integer, got ${capacity}`);
    if (bound && !(bound.maxWeight > 0)) throw new RangeError(`LruMap maxWeight must be positive, got ${bound.maxWeight}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entries' total weight (0 without `weight`). */
  get weight(): number {
    return this.total;
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Stores `value` as the most recently used, dropping the least recently used beyond the capacity (and weight). */
  set(key: K, value: V): this {
    this.delete(key);
    const w = this.bound ? this.bound.weight(value) : 0;
    if (this.bound && w > this.bound.maxWeight) return this;
    this.entries.set(key, value);
    this.total += w;
    while (this.entries.size > this.capacity || (this.bound && this.total > this.bound.maxWeight))
      this.delete(this.entries.keys().next().value as K);
    return this;
  }

  delete(key: K): boolean {
    if (!this.entries.has(key)) return false;
    if (this.bound) this.total -= this.bound.weight(this.entries.get(key) as V);
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
