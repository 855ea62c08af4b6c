"use server";

import { z } from "zod";
import { setWeeklySummary } from "@/lib/domain/usage/weekly-summary";
import { defineAction } from "@/lib/web/action";
import { checkbox } from "@/lib/web/form-data";

/** The logged-in person's own weekly summary opt-in; the domain refuses it without the permission. */
export const setWeeklySummaryAction = defineAction({
  caller: "user",
  input: z.object({ weeklySummary: z.boolean() }),
  read: (formData) => ({ weeklySummary: checkbox(formData, "weeklySummary") }),
  refusals: "people.error",
  revalidate: ["/profile"],
  async run({ actor, db, t, input: { weeklySummary } }) {
    const set = await setWeeklySummary(db, actor.personId, weeklySummary);
    return set.ok ? { ok: true, message: t(weeklySummary ? "summary.optin.on" : "summary.optin.off") } : set;
  },
});
