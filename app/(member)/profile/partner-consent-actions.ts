"use server";

import { z } from "zod";
import { setPartnerConsent } from "@/lib/domain/people/partner-link";
import { defineAction } from "@/lib/web/action";

/** One's own agreement that partners edit each other's shared data (both must agree; either may withdraw). */
export const setPartnerConsentAction = defineAction({
  caller: "user",
  input: z.object({ agree: z.boolean() }),
  read: (formData) => ({ agree: formData.get("agree") === "yes" }),
  refusals: "people.error",
  revalidate: ["/profile"],
  async run({ actor, db, t, input }) {
    const saved = await setPartnerConsent(db, actor.personId, input.agree);
    return saved.ok ? { ok: true, message: t("partner.consent.saved") } : saved;
  },
});
