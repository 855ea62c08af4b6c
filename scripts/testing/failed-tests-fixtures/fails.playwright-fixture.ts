import { expect, test } from "@playwright/test";

test("passes", () => expect(1).toBe(1));

test.describe("a group", () => {
  test("fails on purpose", () => expect(1).toBe(2));
  test("passes on its retry", () => expect(test.info().retry).toBe(1));
});
