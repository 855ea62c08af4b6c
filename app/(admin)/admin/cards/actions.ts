"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { endCard, registerCard } from "@/lib/domain/cards/card-service";
import { createMemberWithCard } from "@/lib/domain/cards/member-from-card";
import { nameShownTo } from "@/lib/domain/people/shown-names";
import { getT } from "@/lib/i18n/server";
import { isMessageKey } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { defineAction } from "@/lib/web/action";
import { text, typedValues } from "@/lib/web/form-data";
import { readPickedPerson } from "@/lib/web/person-pick";

async function refused(code: string, formData: FormData, fallback?: string): Promise<ActionResult> {
  const t = await getT();
  const key = `cards.error.${code}`;
  return { ok: false, code, message: isMessageKey(key) ? t(key) : (fallback ?? t("mach.error.invalid")), values: typedValues(formData) };
}

const newMemberForm = z.object({
  uid: z.string().max(32),
  statusId: z.coerce.number().int().positive(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});
const endForm = z.object({ cardId: z.coerce.number().int().positive(), state: z.enum(["lost", "revoked"]), reason: z.string().max(500).optional() });

/** Register a card for an existing person (also "assign to an existing person" from the unknown cards). */
export const registerCardAction = defineAction({
  caller: "user",
  input: z.object({ personId: z.number().int().positive(), uid: z.string().trim().min(1).max(32) }),
  read: async (formData) => ({ personId: await readPickedPerson(formData, "personId"), uid: text(formData, "uid") }),
  labels: { personId: "mach.usage.person", uid: "cards.uid" },
  refusals: "cards.error",
  refusalFields: { malformed_uid: "uid", taken: "uid", not_found: "personId" },
  revalidate: ["/admin/cards"],
  async run({ actor, db, t, input }) {
    const result = await registerCard(db, actor.personId, input);
    if (!result.ok) return result;
    // Said so it cannot be misread: which card, to whom (as far as the admin may see the name).
    const name = (await nameShownTo(db, actor, input.personId)) ?? t("picker.hiddenName");
    return { ok: true, message: t("cards.registered", { uid: result.uid, name }) };
  },
});

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
