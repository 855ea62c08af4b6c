"use server";

import { z } from "zod";
import { correction, correctSession } from "@/lib/domain/machines/correct-session";
import { defineAction } from "@/lib/web/action";
import { unexplainedRefusal } from "@/lib/web/action-pipeline";
import { int, text } from "@/lib/web/form-data";

/** Staff correct a session's duration (start kept); who may is decided in the domain call, which audits it. */
export const correctSessionAction = defineAction({
  caller: "user",
  input: z.object({
    sessionId: z.number().int().positive(),
    startedAt: z.iso.datetime(),
    minutes: correction.shape.durationMinutes,
    reason: correction.shape.reason,
  }),
  read: (formData) => ({
    sessionId: int(formData, "sessionId"),
    startedAt: text(formData, "startedAt"),
    minutes: int(formData, "minutes"),
    reason: text(formData, "reason"),
  }),
  labels: { minutes: "mach.usage.minutes", reason: "mach.correct.reason" },
  // The typed fields are read with the domain's rules above; an "invalid" left is the page's own start time (stale).
  refusals: (r: { code: string }, t) =>
    r.code === "forbidden"
      ? t("mach.error.forbidden")
      : r.code === "open"
        ? t("mach.correct.error.open")
        : r.code === "not_found"
          ? t("mach.correct.error.notFound")
          : unexplainedRefusal(r, t),
  revalidate: ["/admin/usage"],
  async run({ actor, db, t, input: { sessionId, startedAt, minutes, reason } }) {
    const corrected = await correctSession(db, actor.personId, { sessionId, startedAt: new Date(startedAt), durationMinutes: minutes, reason });
    return corrected.ok ? { ok: true, message: t("mach.correct.done") } : corrected;
  },
});
