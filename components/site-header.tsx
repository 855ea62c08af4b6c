import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { logoSrc } from "@/lib/domain/settings/space-logo";
import { getT } from "@/lib/i18n/server";
import { canViewInventory } from "@/lib/web/inventory";
import { getSpace } from "@/lib/web/space";
import { LanguageSwitch } from "./language-switch";

const linkClass = "rounded px-2 py-1 hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400";

export interface SiteHeaderActions {
  logoutAction: () => Promise<void>;
  setLanguageAction: (formData: FormData) => Promise<void>;
}

/** Navigation by audience: everyone, logged-in members, and people holding admin permissions. */
export async function SiteHeader({ logoutAction, setLanguageAction }: SiteHeaderActions) {
  const [t, user, space] = await Promise.all([getT(), getCurrentUser(), getSpace()]);
  const showInventory = await canViewInventory(user);
  return (
    <header className="bg-slate-800 text-slate-100">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
          {/* The uploaded logo, the logo address, or the default icon; decorative next to the name. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- small, already resized by the server */}
          <img src={logoSrc(space)} alt="" width={32} height={32} className="h-8 w-8 rounded bg-white object-contain" data-testid="space-logo" />
          <span data-testid="space-name">{space.name}</span>
        </Link>
        <nav aria-label={t("nav.main")} className="flex flex-1 flex-wrap items-center gap-1 text-sm">
          <Link href="/" className={linkClass}>
            {t("nav.start")}
          </Link>
          <Link href="/calendar" className={linkClass}>
            {t("nav.calendar")}
          </Link>
          <Link href="/machines" className={linkClass}>
            {t("nav.machines")}
          </Link>
          {(user?.permissions.has("members.read") || user?.permissions.has("machines.operate")) && (
            <Link href="/admin/usage" className={linkClass}>
              {t("nav.usage")}
            </Link>
          )}
          {user?.permissions.has("members.write") && (
            <Link href="/admin/cards" className={linkClass}>
              {t("nav.cards")}
            </Link>
          )}
          {user && (
            <Link href="/home" className={linkClass}>
              {t("nav.home")}
            </Link>
          )}
          {user && (
            <Link href="/profile" className={linkClass}>
              {t("nav.profile")}
            </Link>
          )}
          {user?.permissions.has("directory.read") && (
            <Link href="/directory" className={linkClass}>
              {t("nav.directory")}
            </Link>
          )}
          {user && (
            <Link href="/equipment" className={linkClass}>
              {t("nav.equipment")}
            </Link>
          )}
          {user?.permissions.has("training.run") && (
            <Link href="/training" className={linkClass}>
              {t("nav.training")}
            </Link>
          )}
          {user?.permissions.has("equipment.manage") && (
            <Link href="/admin/equipment" className={linkClass}>
              {t("nav.adminEquipment")}
            </Link>
          )}
          {user && (
            <Link href="/polls" className={linkClass}>
              {t("nav.polls")}
            </Link>
          )}
          {user?.permissions.has("news.write") && (
            <Link href="/admin/news" className={linkClass}>
              {t("nav.news")}
            </Link>
          )}
          {showInventory && (
            <Link href="/things" className={linkClass}>
              {t("nav.inventory")}
            </Link>
          )}
          {user?.permissions.has("members.read") && (
            <Link href="/admin/people" className={linkClass}>
              {t("nav.people")}
            </Link>
          )}
          {user?.permissions.has("members.read") && (
            <Link href="/admin/membership" className={linkClass}>
              {t("nav.membership")}
            </Link>
          )}
          {user?.permissions.has("audit.read") && (
            <Link href="/admin/audit" className={linkClass}>
              {t("nav.audit")}
            </Link>
          )}
          {user?.permissions.has("system.admin") && (
            <>
              <Link href="/admin/settings" className={linkClass}>
                {t("nav.settings")}
              </Link>
              <Link href="/admin/system" className={linkClass}>
                {t("nav.system")}
              </Link>
              <Link href="/admin/api" className={linkClass}>
                {t("nav.api")}
              </Link>
            </>
          )}
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <LanguageSwitch action={setLanguageAction} />
          {user ? (
            <form action={logoutAction} className="flex items-center gap-2">
              <span className="hidden text-slate-300 sm:inline">{t("nav.signedInAs", { name: user.displayName })}</span>
              <button type="submit" className="rounded bg-slate-700 px-3 py-1 hover:bg-slate-600">
                {t("nav.logout")}
              </button>
            </form>
          ) : (
            <Link href="/login" className="rounded bg-amber-500 px-3 py-1 font-medium text-slate-900 hover:bg-amber-400">
              {t("nav.login")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
