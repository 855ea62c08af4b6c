import { describe, expect, it } from "vitest";
import type { Permission } from "../access/permissions";
import { dashboardAccess } from "./dashboard-access";

const viewer = (...p: Permission[]) => ({ permissions: new Set<Permission>(p) });

describe("dashboardAccess", () => {
  it.each([
    ["anonymous, public", null, true, { allowed: true, showNames: false }],
    ["anonymous, members only", null, false, { allowed: false, showNames: false }],
    ["member without rights", viewer("directory.read"), false, { allowed: true, showNames: false }],
    ["members.read", viewer("members.read"), true, { allowed: true, showNames: true }],
    ["machines.operate", viewer("machines.operate"), false, { allowed: true, showNames: true }],
  ] as const)("%s", (_n, v, isPublic, expected) => {
    expect(dashboardAccess(v, isPublic)).toEqual(expected);
  });
});
