import { ActionForm, type FormAction } from "./forms/action-form";
import { getLocale, getOfferedLocales, getT } from "@/lib/i18n/server";

/** One form, a button per language: a server action, so it works without client JavaScript too. */
export async function LanguageSwitch({ action }: { action: FormAction }) {
  const [t, current, offered] = await Promise.all([getT(), getLocale(), getOfferedLocales()]);
  // One language offered: nothing to switch.
  if (offered.length < 2) return null;
  return (
    <ActionForm action={action} className="flex items-center gap-1" label={t("nav.language")}>
      {offered.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`rounded px-2 py-1 text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400 ${locale === current ? "bg-slate-100 text-slate-900" : "text-slate-300 hover:bg-slate-700"}`}
        >
          {t(`lang.${locale}`)}
        </button>
      ))}
    </ActionForm>
  );
}
