/**
 * A least-recently-used cache bounded by a total cost (entries, rows…): what was read most
 * recently stays, the oldest goes first when the budget is exceeded.
 */
export class LruCache<V> {
  readonly #entries = new Map<string, { value: V; cost: number }>();
  #total = 0;

  constructor(private readonly budget: number) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    // Re-inserting moves the key to the end of the Map's order: the most recent.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, cost = 1): void {
    const previous = this.#entries.get(key);
    if (previous) {
      this.#total -= previous.cost;
      this.#entries.delete(key);
    }
    // A value larger than the whole budget is not kept: it would evict everything for one use.
    if (cost > this.budget) return;
    this.#entries.set(key, { value, cost });
    this.#total += cost;
    for (const [oldest, entry] of this.#entries) {
      if (this.#total <= this.budget) break;
      this.#entries.delete(oldest);
      this.#total -= entry.cost;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#total -= entry.cost;
  }

  get size(): number {
    return this.#entries.size;
  }
}
