import Link from "next/link";
import { UpcomingEvents } from "@/components/calendar/upcoming-events";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getT } from "@/lib/i18n/server";

export default async function StartPage() {
  const [t, user] = await Promise.all([getT(), getCurrentUser()]);
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{t("start.title")}</h1>
      <p className="text-lg text-slate-700">{t("start.intro")}</p>
      <Link
        href={user ? "/home" : "/login"}
        className="inline-block rounded bg-amber-500 px-4 py-2 font-medium text-slate-900 hover:bg-amber-400"
      >
        {user ? t("start.homeCta") : t("start.loginCta")}
      </Link>
      <UpcomingEvents />
    </section>
  );
}
