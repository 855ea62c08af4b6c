import { describe, expect, it } from "vitest";
import type { Permission } from "../access/permissions";
import { mayViewInventory } from "./access";

const perms = (...p: Permission[]) => new Set<Permission>(p);

describe("mayViewInventory", () => {
  it("lets inventory managers always see it, members only when the admin allows, others never", () => {
    expect(mayViewInventory(perms("inventory.write"), { membersMayView: false })).toBe(true);
    expect(mayViewInventory(perms("directory.read"), { membersMayView: true })).toBe(true);
    expect(mayViewInventory(perms("directory.read"), { membersMayView: false })).toBe(false);
    expect(mayViewInventory(perms(), { membersMayView: true })).toBe(false);
  });
});
