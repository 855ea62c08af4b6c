import { describe, expect, it } from "vitest";
import { ByteLru } from "./byte-lru";

const sized = () => new ByteLru<string, { n: number }>(100, (v) => v.n);

describe("ByteLru", () => {
  it("drops the least recently used values once their bytes pass the budget, however few they are", () => {
    const lru = sized();
    lru.set("a", { n: 40 });
    lru.set("b", { n: 40 });
    expect(lru.get("a")).toEqual({ n: 40 }); // a is now the most recently used
    lru.set("c", { n: 40 });
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual([{ n: 40 }, undefined, { n: 40 }]);
    expect(lru.bytes).toBe(80);
    lru.set("big", { n: 90 });
    expect([lru.size, lru.bytes, lru.get("big")]).toEqual([1, 90, { n: 90 }]);
  });

  it("keeps many small values, and never one larger than the whole budget", () => {
    const lru = sized();
    for (let i = 0; i < 100; i++) lru.set(String(i), { n: 1 });
    expect([lru.size, lru.bytes]).toEqual([100, 100]);
    lru.set("huge", { n: 101 });
    expect([lru.get("huge"), lru.size, lru.bytes]).toEqual([undefined, 100, 100]);
  });

  it("counts a value again when it grew, dropping older ones (or itself) to stay in the budget", () => {
    const lru = sized();
    const a = { n: 10 };
    lru.set("a", a);
    lru.set("b", { n: 10 });
    a.n = 85;
    lru.resize("a");
    expect([lru.get("a"), lru.get("b"), lru.bytes]).toEqual([a, { n: 10 }, 95]);
    lru.set("c", { n: 10 }); // a is the least recently used now
    expect([lru.get("a"), lru.bytes]).toEqual([undefined, 20]);
    const d = { n: 5 };
    lru.set("d", d);
    d.n = 200;
    lru.resize("d");
    expect([lru.get("d"), lru.bytes]).toEqual([undefined, 20]);
    lru.set("b", { n: 30 }); // replacing counts the new size only
    expect(lru.bytes).toBe(40);
    lru.clear();
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});
