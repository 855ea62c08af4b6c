"use server";

import { openStatusInput, setOpenStatus } from "@/lib/domain/community/open-status";
import type { Failure } from "@/lib/domain/community/result";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { text } from "@/lib/web/form-data";

/** Open or closed, with a message; who may (community.open) is decided in the domain call. */
export const setOpenStatusAction = defineAction({
  caller: "user",
  // Read with the domain's schema: a message too long is named by its label beside it.
  input: openStatusInput,
  read: (formData) => ({ open: text(formData, "open") === "true", message: text(formData, "message") }),
  labels: { message: "com.open.message" },
  refusals: (failure: Failure, t) => (failure.code === "invalid" ? unexplainedRefusal(failure, t) : t(`com.error.${failure.code}`)),
  revalidate: ["/"],
  async run({ actor, db, t, input }) {
    const set = await setOpenStatus(db, { personId: actor.personId }, input);
    return set.ok ? { ok: true, message: t("com.open.saved", { state: set.change.open ? t("com.open.open") : t("com.open.closed") }) } : set;
  },
});
