import { createDb, type Db } from "../client";

export interface CountingDb {
  db: Db;
  /** The statements sent since the last `reset` (or since opening), in order. */
  queries: string[];
  /** Each statement's parameters, beside `queries`. */
  parameters: unknown[][];
  reset(): void;
  close(): Promise<void>;
}

/**
 * A second handle on a test database that records every statement it sends: a test asserts how many queries a
 * page's loader makes (and that the count does not grow with the rows), never how long they took.
 */
export function countingDb(url: string): CountingDb {
  const queries: string[] = [];
  const parameters: unknown[][] = [];
  const handle = createDb(url, {
    max: 2,
    onQuery: (query, values) => {
      queries.push(query);
      parameters.push(values);
    },
  });
  return {
    db: handle.db,
    queries,
    parameters,
    reset: () => {
      queries.splice(0);
      parameters.splice(0);
    },
    close: handle.close,
  };
}
