import type { PersonPickerTexts } from "@/components/ui/person-picker";
import type { Translate } from "@/lib/i18n/translate";

/** The people picker's words in the reader's language, for a server component to hand to the picker. */
export function personPickerTexts(t: Translate): PersonPickerTexts {
  return {
    hint: t("picker.hint"),
    fallbackHint: t("picker.fallbackHint"),
    noMatch: t("picker.noMatch"),
    found: t("picker.found", { count: "{count}" }),
    hiddenName: t("picker.hiddenName"),
    searchFailed: t("picker.searchFailed"),
    list: t("picker.list"),
  };
}
