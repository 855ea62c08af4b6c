"use server";

import { z } from "zod";
import { endCard, registerCard } from "@/lib/domain/cards/card-service";
import { createMemberWithCard } from "@/lib/domain/cards/member-from-card";
import { nameShownTo } from "@/lib/domain/people/shown-names";
import type { Failure } from "@/lib/domain/people/result";
import { isMessageKey, type Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";
import { peopleRefusal } from "@/lib/web/people-admin-actions";
import { readPickedPerson } from "@/lib/web/person-pick";

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

const newMemberLabels = { firstName: "cards.firstName", lastName: "cards.lastName", email: "cards.email", statusId: "cards.status", uid: "cards.uid" } as const;

const CARD_CODES = new Set(["malformed_uid", "taken", "not_active"]);

/** A card's refusal in the cards' words; a person's (a taken email, a bad name) in the people area's, naming the field. */
function cardOrPersonRefusal(refusal: { code: string; message: string; field?: string }, t: Translate): string {
  const key = `cards.error.${refusal.code}`;
  return CARD_CODES.has(refusal.code) && isMessageKey(key) ? t(key) : peopleRefusal(newMemberLabels)(refusal as Failure, t);
}

/** "Create a new member with this card" from the unknown cards: the person and the card, or neither. */
export const newMemberWithCardAction = defineAction({
  caller: "members.write",
  input: z.object({
    uid: z.string().trim().min(1).max(32),
    statusId: z.number().int().positive(),
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().max(100),
    email: z.string().trim().max(200),
  }),
  read: (formData) => ({
    uid: text(formData, "uid"),
    statusId: int(formData, "statusId"),
    firstName: text(formData, "firstName"),
    lastName: text(formData, "lastName"),
    email: text(formData, "email"),
  }),
  labels: newMemberLabels,
  refusals: cardOrPersonRefusal,
  refusalFields: { malformed_uid: "uid", taken: "uid", duplicate_email: "email" },
  revalidate: ["/admin/cards"],
  async run({ actor, db, t, input }) {
    const { uid, statusId, firstName, lastName, email } = input;
    const result = await createMemberWithCard(db, actor.personId, { uid, statusId, profile: { firstName, lastName, email: email || undefined } });
    return result.ok ? { ok: true, message: t("cards.memberCreated", { name: `${firstName} ${lastName}`.trim(), uid: result.uid }) } : result;
  },
});

/** Mark an active card lost or revoked (endCard checks members.write and that the holder is not above the actor). */
export const endCardAction = defineAction({
  caller: "members.write",
  input: z.object({ cardId: z.number().int().positive(), intent: z.enum(["lost", "revoked"]) }),
  read: (formData) => ({ cardId: int(formData, "cardId"), intent: text(formData, "intent") }),
  refusals: "cards.error",
  revalidate: ["/admin/cards"],
  async run({ actor, db, t, input }) {
    const result = await endCard(db, actor.personId, { cardId: input.cardId, state: input.intent });
    return result.ok ? { ok: true, message: t(input.intent === "lost" ? "cards.markedLost" : "cards.markedRevoked") } : result;
  },
});
