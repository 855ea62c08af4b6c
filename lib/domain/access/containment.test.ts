import { describe, expect, it } from "vitest";
import { missingPermissions } from "./containment";
import type { Permission } from "./permissions";

describe("missingPermissions (the containment rule)", () => {
  const held = new Set<Permission>(["members.read", "members.write", "directory.read"]);
  it.each([
    { wanted: [], missing: [] },
    { wanted: ["members.write"], missing: [] },
    { wanted: ["members.write", "members.read", "directory.read"], missing: [] },
    { wanted: ["system.admin"], missing: ["system.admin"] },
    { wanted: ["training.run", "members.write", "audit.read", "audit.read"], missing: ["audit.read", "training.run"] },
  ] as { wanted: Permission[]; missing: Permission[] }[])("asks $wanted of someone holding members.*: missing $missing", ({ wanted, missing }) => {
    expect(missingPermissions(held, wanted)).toEqual(missing);
  });
});
