"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import {
  approvePairingRequest,
  closePairingWindow,
  refusePairingRequest,
  reopenPairingWindow,
  unpairBoard,
  type PairingFailure,
} from "@/lib/domain/usage/board-pairing-admin";
import type { Result } from "@/lib/domain/usage/result";
import { getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

// Who may is decided in the domain calls (equipment.manage); these only parse the form and say how it went.

const machineForm = z.object({ machineId: z.coerce.number().int().positive() });
const requestForm = machineForm.extend({ requestId: z.coerce.number().int().positive() });
const windowForm = machineForm.extend({ minutes: z.coerce.number().int().min(1).max(7 * 24 * 60) });

async function outcome(machineId: number, result: Result<object, PairingFailure>, done: string): Promise<ActionResult> {
  const t = await getT();
  if (!result.ok) {
    const key = `mach.error.${result.code}`;
    return { ok: false, code: result.code, message: isMessageKey(key) ? t(key) : t("mach.error.invalid") };
  }
  revalidatePath(`/admin/equipment/machines/${machineId}/operations`);
  return { ok: true, message: t(done as Parameters<typeof t>[0]) };
}

async function run<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
  work: (personId: number, input: z.infer<S>) => Promise<Result<object, PairingFailure>>,
  done: string,
): Promise<ActionResult> {
  const user = await getCurrentUser();
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!user || !parsed.success) {
    const t = await getT();
    return user ? { ok: false, code: "invalid", message: t("mach.error.invalid") } : { ok: false, code: "forbidden", message: t("mach.error.forbidden") };
  }
  const input = parsed.data as z.infer<S> & { machineId: number };
  return outcome(input.machineId, await work(user.personId, input), done);
}

export async function approvePairingAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(requestForm, formData, (personId, input) => approvePairingRequest(getDb(), personId, { requestId: input.requestId }), "pair.done.paired");
}

export async function refusePairingAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(requestForm, formData, (personId, input) => refusePairingRequest(getDb(), personId, { requestId: input.requestId }), "pair.done.refused");
}

export async function unpairBoardAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(machineForm, formData, (personId, input) => unpairBoard(getDb(), personId, input), "pair.done.unpaired");
}

export async function openPairingWindowAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(windowForm, formData, (personId, input) => reopenPairingWindow(getDb(), personId, input), "pair.done.windowOpened");
}

export async function closePairingWindowAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(machineForm, formData, (personId, input) => closePairingWindow(getDb(), personId, input), "pair.done.windowClosed");
}
