"use server";

import { z } from "zod";
import { setOpenStatus } from "@/lib/domain/community/open-status";
import type { Failure } from "@/lib/domain/community/result";
import { defineAction } from "@/lib/web/action";

/** Open or closed, with a message; who may (community.open) is decided in the domain call. */
export const setOpenStatusAction = defineAction({
  caller: "user",
  input: z.object({ open: z.enum(["true", "false"]), message: z.string() }),
  refusals: (failure: Failure, t) => (failure.code === "invalid" ? t("com.error.invalid", { detail: failure.message }) : t(`com.error.${failure.code}`)),
  revalidate: ["/"],
  async run({ actor, db, t, input }) {
    const set = await setOpenStatus(db, { personId: actor.personId }, { open: input.open === "true", message: input.message });
    return set.ok ? { ok: true, message: t("com.open.saved", { state: set.change.open ? t("com.open.open") : t("com.open.closed") }) } : set;
  },
});
