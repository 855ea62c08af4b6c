import { ActionForm, type FormAction } from "@/components/forms/action-form";
import type { Translate } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";

/** Staff flip the status; the form carries the new state so a double click cannot toggle twice. */
export function OpenStatusSwitch({ t, open, action }: { t: Translate; open: boolean; action: FormAction }) {
  return (
    <ActionForm action={action} className="mt-3 space-y-2" label={t("com.open.title")}>
      <input type="hidden" name="open" value={open ? "false" : "true"} />
      <label htmlFor="open-message" className="block text-sm font-medium text-slate-700">
        {t("com.open.message")}
      </label>
      <input id="open-message" name="message" maxLength={200} className="block w-full rounded border border-slate-300 px-3 py-2 text-base" />
      <Button type="submit" className="w-full sm:w-auto">
        {open ? t("com.open.switchClose") : t("com.open.switchOpen")}
      </Button>
    </ActionForm>
  );
}
