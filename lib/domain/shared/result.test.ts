import { describe, expect, it } from "vitest";
import { Abort, catchAbort, describeIssues, fail, failWith, invalidFrom } from "./result";

describe("the shared failure vocabulary", () => {
  it("makes failures with the extras given and none left undefined", () => {
    expect(fail("forbidden", "No.")).toStrictEqual({ ok: false, code: "forbidden", message: "No." });
    expect(fail("invalid", "name: Required", { field: "name" })).toStrictEqual({ ok: false, code: "invalid", message: "name: Required", field: "name" });
    expect(fail("invalid", "x", { field: undefined })).toStrictEqual({ ok: false, code: "invalid", message: "x" });
    const areaFail = failWith<"in_use", { count?: number }>();
    expect(areaFail("in_use", "Held by 3.", { count: 3 })).toStrictEqual({ ok: false, code: "in_use", message: "Held by 3.", count: 3 });
  });

  it("reads zod issues: the first as an invalid failure naming its field, or all in words", () => {
    const issues = [
      { path: ["studies", 0, "endYear"], message: "too early" },
      { path: ["name"], message: "Required" },
    ];
    expect(invalidFrom(issues)).toStrictEqual({ ok: false, code: "invalid", message: "studies.0.endYear: too early", field: "studies.0.endYear" });
    expect(invalidFrom([{ path: [], message: "bad" }])).toStrictEqual({ ok: false, code: "invalid", message: "input: bad" });
    expect(describeIssues(issues)).toBe("studies.0.endYear: too early; name: Required");
  });

  it("carries a failure out of a transaction-like work and lets other errors through", async () => {
    const refused = fail("conflict", "Taken.");
    expect(await catchAbort(() => Promise.reject(new Abort(refused)))).toBe(refused);
    expect(await catchAbort(() => Promise.resolve({ ok: true as const }))).toEqual({ ok: true });
    await expect(catchAbort(() => Promise.reject(new Error("bug")))).rejects.toThrow("bug");
  });
});
