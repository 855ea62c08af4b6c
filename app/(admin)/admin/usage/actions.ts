"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { correctSession } from "@/lib/domain/machines/correct-session";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { typedValues } from "@/lib/web/form-data";

const form = z.object({ sessionId: z.coerce.number().int().positive(), startedAt: z.string().datetime(), minutes: z.coerce.number().int().min(0), reason: z.string().max(500) });

/** Staff correct a session's duration (start kept); who may is decided in the domain call, which audits it. */
export async function correctSessionAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  if (!user) return { ok: false, code: "forbidden", message: t("mach.error.forbidden") };
  const parsed = form.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, code: "invalid", message: t("mach.error.invalid"), values: typedValues(formData) };
  const { sessionId, startedAt, minutes, reason } = parsed.data;
  const result = await correctSession(getDb(), user.personId, { sessionId, startedAt: new Date(startedAt), durationMinutes: minutes, reason });
  if (!result.ok) return { ok: false, code: result.code, message: result.code === "forbidden" ? t("mach.error.forbidden") : `${t("mach.error.invalid")} (${result.message})`, values: typedValues(formData) };
  revalidatePath("/admin/usage");
  return { ok: true, message: t("mach.correct.done") };
}
