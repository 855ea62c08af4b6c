import pino from "pino";
import { describe, expect, it } from "vitest";
import { LogLimiter, limitWarnings } from "./log-limiter";

describe("log limiter", () => {
  it("allows a few lines per key per window and reports the suppressed count afterwards", () => {
    let now = 0;
    const limiter = new LogLimiter({ perKey: 2, windowMs: 1_000, maxKeys: 10, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.take("a"))).toEqual([0, 0, null, null]);
    expect(limiter.take("b")).toBe(0);
    now = 1_000;
    expect(limiter.take("a")).toBe(2);
    expect(limiter.take("a")).toBe(0);
  });

  it("keeps memory bounded when every line has a new key", () => {
    const limiter = new LogLimiter({ perKey: 1, windowMs: 60_000, maxKeys: 3, now: () => 0 });
    const logged = Array.from({ length: 1_000 }, (_, i) => limiter.take(`k${i}`)).filter((x) => x !== null);
    expect(logged).toHaveLength(4); // three keys plus one line for "(other clients)"
  });

  it("limits warn per client on a pino logger, children included, and leaves other levels alone", () => {
    const lines: Record<string, unknown>[] = [];
    const base = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const logger = limitWarnings(base, new LogLimiter({ perKey: 1, windowMs: 60_000, maxKeys: 10 }));
    for (let i = 0; i < 5; i++) logger.warn({ clientId: "BOARD1" }, "publish refused");
    logger.warn({ clientId: "BOARD2" }, "publish refused");
    logger.child({ part: "x" }).warn({ clientId: "BOARD3" }, "publish refused");
    for (let i = 0; i < 3; i++) logger.info("hello");
    expect(lines.filter((l) => l.msg === "publish refused").map((l) => [l.clientId, l.part])).toEqual([
      ["BOARD1", undefined],
      ["BOARD2", undefined],
      ["BOARD3", "x"],
    ]);
    expect(lines.filter((l) => l.msg === "hello")).toHaveLength(3);
  });
});
