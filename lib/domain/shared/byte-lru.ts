/**
 * A cache bounded by the bytes its values hold, not by their number: a feed of 1,000 events and one of three are
 * not the same weight. Least recently used goes first; `sizeOf` is asked when a value is put in and again by
 * `resize` when a kept value grew (an item's .json/.xml twins made later). A value larger than the whole budget
 * is not kept.
 */
export class ByteLru<K, V> {
  private readonly entries = new Map<K, { value: V; size: number }>();
  private used = 0;

  constructor(
    readonly budget: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The bytes the kept values hold. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Most recently used last: the first entry is the one to drop.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.budget) return;
    this.entries.set(key, { value, size });
    this.used += size;
    this.evict();
  }

  /** Counts a kept value again after it grew; it stays where it is in the order. */
  resize(key: K): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    const size = this.sizeOf(entry.value);
    this.used += size - entry.size;
    entry.size = size;
    if (size > this.budget) this.delete(key);
    else this.evict();
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.used -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }

  private evict(): void {
    while (this.used > this.budget) this.delete(this.entries.keys().next().value!);
  }
}

/** The bytes a string takes in memory, roughly (V8 keeps Latin-1 text one byte a character, other text two). */
export function stringBytes(text: string): number {
  return text.length * 2;
}
