"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { requestRemoteCommand } from "@/lib/domain/usage/machine-commands";
import { setBoardCredentials } from "@/lib/domain/usage/board-credentials";
import { getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { typedValues } from "@/lib/web/form-data";

const commandForm = z.object({ machineId: z.coerce.number().int().positive(), kind: z.enum(["start", "stop"]), uid: z.string().trim().max(32).optional() });
const credentialsForm = z.object({ machineId: z.coerce.number().int().positive(), username: z.string().trim().max(64).optional() });

async function refused(code: string, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const key = `mach.error.${code}`;
  return { ok: false, code, message: isMessageKey(key) ? t(key) : t("mach.error.invalid"), values: typedValues(formData) };
}

/** Remote start/stop; who may and whether the card's holder may use the machine is decided in the domain call. */
export async function remoteCommandAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = commandForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const { machineId, kind, uid } = parsed.data;
  const result = await requestRemoteCommand(getDb(), user.personId, { machineId, kind, uid: uid || undefined });
  if (!result.ok) return refused(result.code, formData);
  revalidatePath(`/admin/equipment/machines/${machineId}/operations`);
  return { ok: true, message: (await getT())(kind === "start" ? "mach.remote.started" : "mach.remote.stopped") };
}

/** Sets or rotates the board login; the new password is in the answer once and nowhere else. */
export async function boardCredentialsAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = credentialsForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const result = await setBoardCredentials(getDb(), user.personId, { machineId: parsed.data.machineId, username: parsed.data.username || undefined });
  if (!result.ok) return refused(result.code, formData);
  revalidatePath(`/admin/equipment/machines/${parsed.data.machineId}/operations`);
  return { ok: true, message: (await getT())("mach.credentials.shownOnce", { username: result.username, password: result.password }) };
}
