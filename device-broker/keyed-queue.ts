/**
 * Runs tasks one after another per key (a machine), in arrival order. A board replays up to 40 queued
 * start/stop messages back to back; run concurrently they could be applied out of order.
 */
export class KeyedQueue {
  private readonly tails = new Map<string | number, Promise<unknown>>();

  run<T>(key: string | number, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => {});
    this.tails.set(key, tail);
    // Forget idle keys so memory stays bounded by the machines currently busy.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}
