import { describe, expect, it } from "vitest";
import { loginUrlFor, safeNextPath } from "./safe-next";

describe("safeNextPath", () => {
  it.each(["/admin/people?q=anna", "/things/2342", "/home"])("keeps the site path %s", (path) => {
    expect(safeNextPath(path)).toBe(path);
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    "/login",
    "/login?next=/x",
    "/api/auth/signout",
    "/a\nb",
    "",
    null,
    42,
  ])("refuses %j", (value) => {
    expect(safeNextPath(value)).toBe("/home");
  });

  it("builds the login URL only for a path worth returning to", () => {
    expect(loginUrlFor("/admin/people?q=a b")).toBe("/login?next=%2Fadmin%2Fpeople%3Fq%3Da%20b");
    expect(loginUrlFor("/home")).toBe("/login");
    expect(loginUrlFor(null)).toBe("/login");
    expect(loginUrlFor("//evil.example")).toBe("/login");
    expect(loginUrlFor("/oidc/authorize?a=1", true)).toBe("/login?next=%2Foidc%2Fauthorize%3Fa%3D1&again=1");
  });
});
