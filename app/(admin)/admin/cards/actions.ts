"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { endCard, registerCard } from "@/lib/domain/cards/card-service";
import { createMemberWithCard } from "@/lib/domain/cards/member-from-card";
import { getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { typedValues } from "@/lib/web/form-data";

async function refused(code: string, formData: FormData, fallback?: string): Promise<ActionResult> {
  const t = await getT();
  const key = `cards.error.${code}`;
  return { ok: false, code, message: isMessageKey(key) ? t(key) : (fallback ?? t("mach.error.invalid")), values: typedValues(formData) };
}

const assignForm = z.object({ personId: z.coerce.number().int().positive(), uid: z.string().max(32) });
const newMemberForm = z.object({ uid: z.string().max(32), statusId: z.coerce.number().int().positive(), firstName: z.string(), lastName: z.string(), email: z.string() });
const endForm = z.object({ cardId: z.coerce.number().int().positive(), state: z.enum(["lost", "revoked"]), reason: z.string().max(500).optional() });

/** Register a card for an existing person (also "assign to an existing person" from the unknown cards). */
export async function registerCardAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = assignForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const result = await registerCard(getDb(), user.personId, { personId: parsed.data.personId, uid: parsed.data.uid });
  if (!result.ok) return refused(result.code, formData);
  revalidatePath("/admin/cards");
  return { ok: true, message: (await getT())("cards.registered", { uid: result.uid }) };
}

export async function newMemberWithCardAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = newMemberForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const { uid, statusId, firstName, lastName, email } = parsed.data;
  const result = await createMemberWithCard(getDb(), user.personId, { uid, statusId, profile: { firstName, lastName, email: email || undefined } });
  if (!result.ok) return refused(result.code, formData, result.message);
  revalidatePath("/admin/cards");
  return { ok: true, message: (await getT())("cards.memberCreated", { name: `${firstName} ${lastName}`.trim(), uid: result.uid }) };
}

export async function endCardAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) return refused("forbidden", formData);
  const parsed = endForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused("invalid", formData);
  const result = await endCard(getDb(), user.personId, parsed.data);
  if (!result.ok) return refused(result.code, formData);
  revalidatePath("/admin/cards");
  return { ok: true, message: (await getT())(parsed.data.state === "lost" ? "cards.markedLost" : "cards.markedRevoked") };
}
