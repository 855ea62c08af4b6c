import { describe, expect, it } from "vitest";
import { keptFor } from "./kept-for";

describe("keptFor", () => {
  it("loads once for every request within the time, again after it, and says when it loaded", async () => {
    let now = 1_000_000;
    let loads = 0;
    const get = keptFor(
      60_000,
      async () => ++loads,
      () => now,
    );
    const [a, b] = await Promise.all([get(), get()]);
    expect([a.value, b.value, loads]).toEqual([1, 1, 1]);
    now += 59_999;
    expect((await get()).value).toBe(1);
    now += 1;
    const later = await get();
    expect([later.value, later.at.getTime()]).toEqual([2, 1_060_000]);
  });

  it("keeps no failure: the next request loads again", async () => {
    let fail = true;
    const get = keptFor(60_000, async () => {
      if (fail) throw new Error("database away");
      return "sizes";
    });
    await expect(get()).rejects.toThrow("database away");
    fail = false;
    expect((await get()).value).toBe("sizes");
  });
});
