"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setOpenStatus } from "@/lib/domain/community/open-status";
import { getT } from "@/lib/i18n/server";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";
import { text } from "@/lib/web/form-data";

const input = z.object({ open: z.enum(["true", "false"]), message: z.string() });

export async function setOpenStatusAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "forbidden", message: t("com.error.forbidden") };
  const parsed = input.safeParse({ open: text(formData, "open"), message: text(formData, "message") });
  if (!parsed.success) return { ok: false, code: "invalid", message: t("com.error.invalid", { detail: "open" }) };
  const result = await setOpenStatus(getDb(), { personId: user.personId }, { open: parsed.data.open === "true", message: parsed.data.message });
  if (!result.ok) {
    const message = result.code === "invalid" ? t("com.error.invalid", { detail: result.message }) : t(`com.error.${result.code}`);
    return { ok: false, code: result.code, message, values: { message: parsed.data.message } };
  }
  revalidatePath("/");
  return { ok: true, message: t("com.open.saved", { state: result.change.open ? t("com.open.open") : t("com.open.closed") }) };
}
