import pino from "pino";
import { describe, expect, it } from "vitest";
import { DatabaseHealth } from "./database-health";
import { BrokerMetrics } from "./metrics";
import { WriteTimeoutError } from "./spool/events";

const health = () => {
  const metrics = new BrokerMetrics();
  return { metrics, health: new DatabaseHealth({ logger: pino({ level: "silent" }), metrics }) };
};
/** As postgres.js and drizzle report a statement cancelled: a DrizzleQueryError around the PostgresError. */
const cancelled = () =>
  Object.assign(new Error("Failed query: insert …"), { cause: Object.assign(new Error("canceling statement due to user request"), { code: "57014" }) });

describe("database health", () => {
  it("a statement cancelled though its attempt was not given up on (a statement_timeout, an operator) is no outage", async () => {
    const { health: h, metrics } = health();
    await expect(h.bounded(1_000, () => Promise.reject(cancelled()))).rejects.toThrow("Failed query");
    h.failed(cancelled());
    expect(h.down).toBe(false);
    expect(metrics.databaseOutages).toBe(0);
  });

  it("the attempt that gave up counts as away by its timeout, and a connection refused as well", async () => {
    const first = health();
    await expect(first.health.bounded(10, () => new Promise(() => {}))).rejects.toBeInstanceOf(WriteTimeoutError);
    expect(first.health.down).toBe(true);
    const second = health();
    second.health.failed(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
    expect(second.health.down).toBe(true);
  });
});
