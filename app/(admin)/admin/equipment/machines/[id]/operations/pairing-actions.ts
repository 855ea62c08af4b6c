"use server";

import { z } from "zod";
import { approvePairingRequest, closePairingWindow, refusePairingRequest, reopenPairingWindow, unpairBoard } from "@/lib/domain/usage/board-pairing-admin";
import { defineAction } from "@/lib/web/action";
import { int } from "@/lib/web/form-data";

// Who may is decided in the domain calls (equipment.manage); these only parse the form and say how it went.
const id = z.number().int().positive();
// A refusal in the machines' words; "invalid" beside the field it is about (refusalFields), else the page is stale.
const refusals = "mach.error";
const common = { caller: "user", refusals, revalidate: [["/(admin)/admin/equipment/machines/[id]/operations", "page"]] } as const;
const byRequest = { ...common, input: z.object({ requestId: id }), read: (formData: FormData) => ({ requestId: int(formData, "requestId") }) } as const;
const byMachine = { ...common, input: z.object({ machineId: id }), read: (formData: FormData) => ({ machineId: int(formData, "machineId") }) } as const;

export const approvePairingAction = defineAction({
  ...byRequest,
  async run({ actor, db, t, input }) {
    const paired = await approvePairingRequest(db, actor.personId, input);
    return paired.ok ? { ok: true, message: t("pair.done.paired") } : paired;
  },
});

export const refusePairingAction = defineAction({
  ...byRequest,
  async run({ actor, db, t, input }) {
    const refused = await refusePairingRequest(db, actor.personId, input);
    return refused.ok ? { ok: true, message: t("pair.done.refused") } : refused;
  },
});

export const unpairBoardAction = defineAction({
  ...byMachine,
  async run({ actor, db, t, input }) {
    const unpaired = await unpairBoard(db, actor.personId, input);
    return unpaired.ok ? { ok: true, message: t("pair.done.unpaired") } : unpaired;
  },
});

export const openPairingWindowAction = defineAction({
  ...common,
  input: z.object({
    machineId: id,
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  }),
  read: (formData) => ({ machineId: int(formData, "machineId"), minutes: int(formData, "minutes") }),
  labels: { minutes: "pair.window.minutes" },
  refusalFields: { invalid: "minutes" },
  async run({ actor, db, t, input }) {
    const opened = await reopenPairingWindow(db, actor.personId, input);
    return opened.ok ? { ok: true, message: t("pair.done.windowOpened") } : opened;
  },
});

export const closePairingWindowAction = defineAction({
  ...byMachine,
  async run({ actor, db, t, input }) {
    const closed = await closePairingWindow(db, actor.personId, input);
    return closed.ok ? { ok: true, message: t("pair.done.windowClosed") } : closed;
  },
});
