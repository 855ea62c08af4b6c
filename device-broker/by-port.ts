/**
 * What a server running in this process offers, found by the port it listens on: the server announces it once it
 * listens and withdraws it when it has stopped (a later server on the same port is not withdrawn by the earlier one).
 */
export interface ByPort<T> {
  on(port: number): T | undefined;
  /** Returns the withdrawal. */
  announce(port: number, value: T): () => void;
}

export function byPort<T>(): ByPort<T> {
  const entries = new Map<number, T>();
  return {
    on: (port) => entries.get(port),
    announce(port, value) {
      entries.set(port, value);
      return () => {
        if (entries.get(port) === value) entries.delete(port);
      };
    },
  };
}
