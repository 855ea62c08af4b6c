"use server";

import { z } from "zod";
import { setMailPreferences } from "@/lib/domain/mail/preferences";
import { defineAction } from "@/lib/web/action";

/** The logged-in person's own choice of mails: one checkbox per topic; the domain refuses anyone else's. */
export const setMailPreferencesAction = defineAction({
  caller: "user",
  input: z.object({ topics: z.array(z.string().max(40)).max(20) }),
  read: (formData) => ({ topics: formData.getAll("topic").map(String) }),
  labels: { topics: "mailPrefs.title" },
  refusals: "people.error",
  revalidate: ["/profile"],
  async run({ actor, db, t, input }) {
    const saved = await setMailPreferences(db, actor.personId, actor.personId, input.topics);
    return saved.ok ? { ok: true, message: t("mailPrefs.saved") } : saved;
  },
});
