import { describe, expect, it } from "vitest";
import { countByState, deriveMachineState, type MachineState, type MachineStateFacts } from "./machine-state";

const now = new Date("2026-06-15T12:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);

const cases: [string, Partial<MachineStateFacts>, MachineState][] = [
  ["heard just now, nothing else", {}, "free"],
  ["heard 90 s ago is still online", { lastHeardAt: ago(90) }, "free"],
  ["silent 91 s is offline", { lastHeardAt: ago(91) }, "offline"],
  ["never heard is offline", { lastHeardAt: null }, "offline"],
  ["maintenance due beats offline", { maintenanceDue: true, lastHeardAt: null }, "maintenance_due"],
  ["maintenance due while online", { maintenanceDue: true }, "maintenance_due"],
  ["blocked beats maintenance and offline", { blocked: true, maintenanceDue: true, lastHeardAt: null }, "blocked"],
  ["blocked alone", { blocked: true }, "blocked"],
  ["in use beats everything", { inUse: true, blocked: true, maintenanceDue: true, lastHeardAt: null }, "in_use"],
  ["in use while online", { inUse: true }, "in_use"],
  ["in use beats maintenance", { inUse: true, maintenanceDue: true }, "in_use"],
];

describe("deriveMachineState", () => {
  it.each(cases)("%s", (_name, over, expected) => {
    const facts: MachineStateFacts = { inUse: false, blocked: false, maintenanceDue: false, lastHeardAt: ago(1), now, ...over };
    expect(deriveMachineState(facts)).toBe(expected);
  });
});

describe("countByState", () => {
  it("counts every state, zero when absent", () => {
    expect(countByState(["free", "in_use", "free"])).toEqual({ in_use: 1, blocked: 0, maintenance_due: 0, offline: 0, free: 2 });
  });
});
