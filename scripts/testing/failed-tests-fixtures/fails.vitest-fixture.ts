import { beforeAll, describe, expect, it } from "vitest";

it("passes", () => expect(1).toBe(1));

describe("a group", () => {
  it("fails on purpose", () => expect(1).toBe(2));
});

describe("a group whose setup throws", () => {
  beforeAll(() => {
    throw new Error("setup threw on purpose");
  });
  it("never runs", () => expect(1).toBe(1));
});

it("leaves an error thrown after it ended", async () => {
  setTimeout(() => {
    throw new Error("thrown later on purpose");
  });
});

it("waits while the error is thrown", () => new Promise((resolve) => setTimeout(resolve, 50)));
