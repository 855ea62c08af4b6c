"use server";

import { z } from "zod";
import { setOptIn } from "@/lib/domain/mailing-lists/opt-ins";
import { defineAction } from "@/lib/web/action";
import { formIds } from "@/lib/web/people-admin-actions";

/** The logged-in person's own opt-ins: each opt-in list's checkbox in one form (the page binds the lists shown). */
export const setMailingListsAction = defineAction({
  caller: "user",
  input: z.object({ chosen: z.array(z.number()) }),
  read: (formData) => ({ chosen: formIds(formData, "listId") }),
  labels: { chosen: "ml.optIns.title" },
  bound: z.tuple([z.array(z.number().int().positive()).max(500)]),
  refusals: "ml.error",
  revalidate: ["/profile"],
  async run({ actor, db, t, input }, listIds) {
    const chosen = new Set(input.chosen);
    for (const id of listIds) {
      const set = await setOptIn(db, actor.personId, id, chosen.has(id));
      if (!set.ok) return set;
    }
    return { ok: true, message: t("ml.optIns.saved") };
  },
});
