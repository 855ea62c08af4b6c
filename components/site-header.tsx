import Link from "next/link";
import { ActionForm, type FormAction } from "./forms/action-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { logoSrc } from "@/lib/domain/settings/space-logo";
import { getT } from "@/lib/i18n/server";
import { canViewInventory } from "@/lib/web/inventory";
import { navigationFor } from "@/lib/web/navigation";
import { getSpace } from "@/lib/web/space";
import { LanguageSwitch } from "./language-switch";
import { MainNav } from "./main-nav";

export interface SiteHeaderActions {
  logoutAction: FormAction;
  setLanguageAction: FormAction;
}

/** The space's name and the grouped menu the viewer's permissions open (lib/web/navigation), language and login. */
export async function SiteHeader({ logoutAction, setLanguageAction }: SiteHeaderActions) {
  const [t, user, space] = await Promise.all([getT(), getCurrentUser(), getSpace()]);
  const groups = navigationFor(user, { inventory: await canViewInventory(user) }).map((group) => ({
    key: group.key,
    label: t(group.label),
    sections: group.sections.map((s) => ({
      ...(s.title ? { title: t(s.title) } : {}),
      links: s.links.map((link) => ({ href: link.href, label: t(link.label) })),
    })),
  }));
  return (
    <header className="bg-slate-800 text-slate-100">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link
          href="/"
          className="flex items-center gap-2 rounded text-lg font-semibold tracking-tight focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400"
        >
          {/* The uploaded logo, the logo address, or the default icon; decorative next to the name. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- small, already resized by the server */}
          <img src={logoSrc(space)} alt="" width={32} height={32} className="h-8 w-8 rounded bg-white object-contain" data-testid="space-logo" />
          <span data-testid="space-name">{space.name}</span>
        </Link>
        <MainNav
          label={t("nav.main")}
          menuLabel={t("nav.menu")}
          groups={groups}
          aside={
            user ? null : (
              <Link
                href="/login"
                className="rounded bg-amber-500 px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-amber-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-white"
              >
                {t("nav.login")}
              </Link>
            )
          }
          tools={
            <>
              <LanguageSwitch action={setLanguageAction} />
              {user && (
                <ActionForm action={logoutAction} className="flex items-center gap-2" label={t("nav.logout")}>
                  <span className="text-slate-300 md:hidden lg:inline">{t("nav.signedInAs", { name: user.displayName })}</span>
                  <button
                    type="submit"
                    className="rounded bg-slate-700 px-3 py-1 hover:bg-slate-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400"
                  >
                    {t("nav.logout")}
                  </button>
                </ActionForm>
              )}
            </>
          }
        />
      </div>
    </header>
  );
}
