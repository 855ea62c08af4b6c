"use server";

import { z } from "zod";
import { userWithPermission } from "@/lib/auth/guards";
import { decideCardOnMachine } from "@/lib/domain/machine-access/machine-use-facts";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { refusal } from "@/lib/web/equipment-action";
import { int, text, typedValues } from "@/lib/web/form-data";

const schema = z.object({ uid: z.string().trim().min(1).max(64), machineId: z.number().int().positive() });

/** What the machine's board would answer for this card now: the same rule, the same facts as the broker. */
export async function testCardAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  // Read-only, but it tells who holds which card and what they may do: equipment managers only.
  if (!(await userWithPermission("equipment.manage"))) return refusal(t, "eq", "forbidden");
  const parsed = schema.safeParse({ uid: text(formData, "uid"), machineId: int(formData, "machineId") });
  if (!parsed.success) return refusal(t, "eq", "invalid", formData);
  const decision = await decideCardOnMachine(getDb(), parsed.data);
  if (!decision) return refusal(t, "eq", "unknown_machine", formData);
  if (decision.allowed) {
    return { ok: true, message: t("eq.test.allowed", { level: decision.level, levelName: t(`eq.boardLevel.${decision.level}`) }) };
  }
  return { ok: false, code: decision.reason, message: t("eq.test.denied", { reason: t(`decision.${decision.reason}`) }), values: typedValues(formData) };
}
