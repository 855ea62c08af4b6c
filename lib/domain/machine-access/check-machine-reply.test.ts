import { describe, expect, it } from "vitest";
import { buildCheckMachineReply, INVALID_MACHINE_REPLY, truncateChars } from "./check-machine-reply";
import type { MachineView } from "./machine-view";

const laser: MachineView = {
  machineId: 10,
  boardId: 1,
  name: "LASER 1",
  blocked: false,
  autoLogoffMinutes: 480,
  graceMinutes: 2,
  boardKind: 2,
  overduePlans: [],
};

describe("buildCheckMachineReply", () => {
  it("answers an unknown machine id with the invalid-id reply", () => {
    expect(buildCheckMachineReply(null)).toEqual(INVALID_MACHINE_REPLY);
    expect(JSON.stringify(buildCheckMachineReply(null))).toBe('{"request_ok":false,"message":"Invalid machine ID"}');
  });

  it("serialises a known machine in the exact order and shape of the protocol", () => {
    expect(JSON.stringify(buildCheckMachineReply(laser))).toBe(
      '{"request_ok":true,"is_valid":true,"maintenance":false,"allowed":true,"name":"LASER 1","logoff":480,"type":2,"grace":2,"description":""}',
    );
  });

  const cases: { reason: string; view: Partial<MachineView>; expected: Record<string, unknown> }[] = [
    { reason: "a usable machine is allowed", view: {}, expected: { allowed: true, maintenance: false } },
    { reason: "a blocked machine refuses every card", view: { blocked: true }, expected: { allowed: false } },
    {
      reason: "an overdue plan flags maintenance and shows the first plan's text",
      view: { overduePlans: [{ lcdText: "Clean lens" }, { lcdText: "Check belts" }] },
      expected: { maintenance: true, description: "Clean lens", allowed: true },
    },
    {
      reason: "blocked and overdue are independent",
      view: { blocked: true, overduePlans: [{ lcdText: "Clean lens" }] },
      expected: { maintenance: true, allowed: false },
    },
    { reason: "logoff 0 means never", view: { autoLogoffMinutes: 0 }, expected: { logoff: 0 } },
    { reason: "grace is passed in minutes", view: { graceMinutes: 5 }, expected: { grace: 5 } },
    {
      reason: "a negative or fractional minute count never reaches the board",
      view: { autoLogoffMinutes: -3, graceMinutes: 1.7 },
      expected: { logoff: 0, grace: 1 },
    },
    { reason: "type is the equipment type's board kind", view: { boardKind: 4 }, expected: { type: 4 } },
    { reason: "a long name is cut to one LCD row", view: { name: "Trotec Speedy 400 flexx" }, expected: { name: "Trotec Speedy 40" } },
    { reason: "names are trimmed", view: { name: "  CNC  " }, expected: { name: "CNC" } },
    {
      reason: "a long maintenance text is cut to two LCD rows",
      view: { overduePlans: [{ lcdText: "Replace the honeycomb bed and clean all mirrors" }] },
      expected: { description: "Replace the honeycomb bed and cl" },
    },
  ];
  it.each(cases)("$reason", ({ view, expected }) => {
    expect(buildCheckMachineReply({ ...laser, ...view })).toMatchObject({ request_ok: true, is_valid: true, ...expected });
  });
});

describe("truncateChars", () => {
  it("never splits a character made of two UTF-16 units", () => {
    expect(truncateChars("🔥🔥🔥", 2)).toBe("🔥🔥");
    expect(truncateChars("Fräse", 3)).toBe("Frä");
    expect(truncateChars("short", 16)).toBe("short");
  });
});
