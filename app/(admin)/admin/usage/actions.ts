"use server";

import { z } from "zod";
import { correctSession } from "@/lib/domain/machines/correct-session";
import { defineAction } from "@/lib/web/action";
import { int, text } from "@/lib/web/form-data";

/** Staff correct a session's duration (start kept); who may is decided in the domain call, which audits it. */
export const correctSessionAction = defineAction({
  caller: "user",
  input: z.object({ sessionId: z.number().int().positive(), startedAt: z.iso.datetime(), minutes: z.number().int().min(0), reason: z.string().max(500) }),
  read: (formData) => ({ sessionId: int(formData, "sessionId"), startedAt: text(formData, "startedAt"), minutes: int(formData, "minutes"), reason: text(formData, "reason") }),
  labels: { minutes: "mach.usage.minutes", reason: "mach.correct.reason" },
  refusals: (r: { code: string; message: string }, t) => (r.code === "forbidden" ? t("mach.error.forbidden") : `${t("mach.error.invalid")} (${r.message})`),
  revalidate: ["/admin/usage"],
  async run({ actor, db, t, input: { sessionId, startedAt, minutes, reason } }) {
    const corrected = await correctSession(db, actor.personId, { sessionId, startedAt: new Date(startedAt), durationMinutes: minutes, reason });
    return corrected.ok ? { ok: true, message: t("mach.correct.done") } : corrected;
  },
});
