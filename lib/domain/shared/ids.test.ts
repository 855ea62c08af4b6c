import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_DB_INT, MAX_PAGE, optionalIdParam, pageParam, parseId, parsePage, searchText } from "./ids";

describe("parseId", () => {
  it.each([
    ["1", 1],
    [" 42 ", 42],
    ["2147483647", MAX_DB_INT],
    [["7", "8"], 7],
    [12, 12],
  ])("accepts %j", (value, expected) => expect(parseId(value)).toBe(expected));

  it.each([
    ["2147483648"],
    ["99999999999"],
    ["0"],
    ["-1"],
    ["1.5"],
    ["1e3"],
    ["0x10"],
    [""],
    ["abc"],
    [[]],
    [undefined],
    [null],
    [Number.NaN],
    [-3],
    [2 ** 40],
    [{}],
  ])("refuses %j", (value) => expect(parseId(value)).toBeNull());
});

describe("query-string helpers", () => {
  it("parsePage: 1 for nonsense, capped for huge", () => {
    expect([
      parsePage("3"),
      parsePage("x"),
      parsePage(undefined),
      parsePage("0"),
      parsePage("99999999999999999999"),
      parsePage("999999999"),
      parsePage(["2", "5"]),
    ]).toEqual([3, 1, 1, 1, 1, MAX_PAGE, 2]);
  });

  it("optionalIdParam and pageParam in a schema drop what the database would refuse", () => {
    const schema = z.object({ type: optionalIdParam, page: pageParam });
    expect(schema.parse({ type: "99999999999", page: "99999999999999999999" })).toEqual({ type: undefined, page: 1 });
    expect(schema.parse({ type: "7", page: "2" })).toEqual({ type: 7, page: 2 });
    expect(schema.parse({})).toEqual({ type: undefined, page: 1 });
  });

  it("searchText drops NUL characters (PostgreSQL refuses them) and bounds the length", () => {
    expect(searchText("\u0000ma\u0000rio ")).toBe("mario");
    expect(searchText(["a", "b"])).toBe("a");
    expect(searchText("x".repeat(500)).length).toBe(200);
    expect(searchText(undefined)).toBe("");
  });
});
