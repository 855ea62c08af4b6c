"use server";

import { z } from "zod";
import { subscribeToChanges, unsubscribeFromChanges } from "@/lib/domain/audit/subscriptions";
import { defineAction } from "@/lib/web/action";

/** An admin subscribes themself to a change type; the domain checks audit.read and knows the types. */
export const subscribeAction = defineAction({
  caller: "user",
  input: z.object({ changeType: z.string().trim() }),
  labels: { changeType: "audit.subs.changeType" },
  refusals: (r: { code: string }, t) => (r.code === "forbidden" ? t("people.error.forbidden") : t("audit.subs.invalid")),
  refusalFields: { invalid: "changeType" },
  revalidate: ["/admin/audit"],
  async run({ actor, db, t, input }) {
    const subscribed = await subscribeToChanges(db, actor.personId, input.changeType);
    return subscribed.ok ? { ok: true, message: t("audit.subs.added") } : subscribed;
  },
});

/** Only the asker's own subscriptions can be removed (the domain matches the person). */
export const unsubscribeAction = defineAction({
  caller: "user",
  input: z.object({}),
  bound: z.tuple([z.number().int().positive()]),
  refusals: "people.error",
  revalidate: ["/admin/audit"],
  async run({ actor, db, t }, subscriptionId) {
    await unsubscribeFromChanges(db, actor.personId, subscriptionId);
    return { ok: true, message: t("audit.subs.removed") };
  },
});
