"use server";

import { revalidatePath } from "next/cache";
import { userWithPermission } from "@/lib/auth/guards";
import { setMessageOverride, type OverrideFailure } from "@/lib/domain/settings/message-overrides";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionResult } from "@/lib/web/action-result";
import { getDb } from "@/lib/web/db";

/** Saves or resets the space's own text of one message in one language (the form's intent button decides). */
export async function saveWordingAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const t = await getT();
  const user = await userWithPermission("system.admin");
  if (!user) return { ok: false, code: "forbidden", message: t("wording.error.forbidden") };
  const locale = String(formData.get("locale") ?? "");
  const key = String(formData.get("key") ?? "");
  const text = String(formData.get("text") ?? "");
  const reset = formData.get("intent") === "reset";
  const result = await setMessageOverride(getDb(), user, locale, key, reset ? null : text);
  if (!result.ok) return { ok: false, code: result.code, message: refusal(t, result), values: { text } };
  revalidatePath("/", "layout");
  return { ok: true, message: t(reset ? "wording.reset.done" : "wording.saved") };
}

function refusal(t: Translate, failure: OverrideFailure): string {
  switch (failure.code) {
    case "syntax":
      return t("wording.error.syntax", { detail: failure.detail });
    case "placeholders":
      return t("wording.error.placeholders", { expected: list(failure.expected, t), found: list(failure.found, t) });
    default:
      return t(`wording.error.${failure.code}`);
  }
}

const list = (names: string[], t: Translate) => (names.length ? names.map((n) => `{${n}}`).join(", ") : t("wording.none"));
