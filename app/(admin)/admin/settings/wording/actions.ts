"use server";

import { z } from "zod";
import { setMessageOverride, type OverrideFailure } from "@/lib/domain/settings/message-overrides";
import type { Translate } from "@/lib/i18n/translate";
import { defineAction } from "@/lib/web/action";
import { text } from "@/lib/web/form-data";

/** Saves or resets the space's own text of one message in one language (the form's intent button decides). */
export const saveWordingAction = defineAction({
  caller: "system.admin",
  input: z.object({ locale: z.string(), key: z.string(), text: z.string(), intent: z.string() }),
  read: (formData) => ({ locale: text(formData, "locale"), key: text(formData, "key"), text: text(formData, "text"), intent: text(formData, "intent") }),
  labels: { text: "wording.yours" },
  refusals: (failure: OverrideFailure, t) => refusal(t, failure),
  refusalFields: { syntax: "text", placeholders: "text", empty: "text", too_long: "text" },
  revalidate: [["/", "layout"]],
  async run({ actor, db, t, input }) {
    const reset = input.intent === "reset";
    const saved = await setMessageOverride(db, actor, input.locale, input.key, reset ? null : input.text);
    return saved.ok ? { ok: true, message: t(reset ? "wording.reset.done" : "wording.saved") } : saved;
  },
});

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
