"use server";

import { z } from "zod";
import { decideCardOnMachine } from "@/lib/domain/machine-access/machine-use-facts";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";

/** What the machine's board would answer for this card now: the same rule, the same facts as the broker. */
export const testCardAction = defineAction({
  // Read-only, but it tells who holds which card and what they may do: equipment managers only.
  caller: "equipment.manage",
  input: z.object({ uid: z.string().trim().min(1).max(64), machineId: z.number().int().positive() }),
  read: (formData) => ({ uid: text(formData, "uid"), machineId: int(formData, "machineId") }),
  labels: { uid: "eq.test.uid", machineId: "eq.test.machine" },
  refusals: (refusal, t) =>
    refusal.code === "unknown_machine"
      ? t("eq.error.unknown_machine")
      : t("eq.test.denied", { reason: t(`decision.${refusal.code}` as "decision.unknown_card") }),
  async run({ db, t, input }) {
    const decision = await decideCardOnMachine(db, input);
    if (!decision) return { ok: false, code: "unknown_machine", message: "" };
    if (!decision.allowed) return { ok: false, code: decision.reason, message: "" };
    return { ok: true, message: t("eq.test.allowed", { level: decision.level, levelName: t(`eq.boardLevel.${decision.level}`) }) };
  },
});
