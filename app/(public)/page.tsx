import type { Metadata } from "next";
import Link from "next/link";
import {
  EventsWidget,
  LoansWidget,
  MachinesWidget,
  NewsWidget,
  OpenStatusWidget,
  TrainingWidget,
  type WidgetContext,
} from "@/components/community/start-widgets";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setOpenStatusAction } from "./start-actions";
import { getLocale, getT } from "@/lib/i18n/server";
import { getSpace } from "@/lib/web/space";
import { startWidgetData } from "@/lib/web/start-widgets";
import { LoadingBoundary } from "@/components/ui/loading";

export const dynamic = "force-dynamic";
// Feed readers find the news feed from the front door.
export const metadata: Metadata = { alternates: { types: { "application/atom+xml": "/news.xml" } } };

/** The front door: what is happening now. Every widget loads on its own and fails on its own. */
export default async function StartPage() {
  const [t, locale, user, space] = await Promise.all([getT(), getLocale(), getCurrentUser(), getSpace()]);
  const ctx: WidgetContext = { t, locale, timeZone: space.timeZone, user };
  const slot = (key: string, node: React.ReactNode) => (
    <LoadingBoundary key={key} label={t("loading.status")}>
      {node}
    </LoadingBoundary>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{space.name}</h1>
      {!user && (
        <p className="text-slate-700">
          {t("com.welcome.login")}{" "}
          <Link href="/login" className="font-medium underline">
            {t("start.loginCta")}
          </Link>
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {slot("open", <OpenStatusWidget {...ctx} load={startWidgetData.openStatus} setOpenStatusAction={setOpenStatusAction} />)}
        {user && slot("training", <TrainingWidget {...ctx} load={() => startWidgetData.training(user.personId)} />)}
        {user && slot("loans", <LoansWidget {...ctx} load={() => startWidgetData.loans(user.personId)} />)}
        {slot("events", <EventsWidget {...ctx} load={() => startWidgetData.events(user)} />)}
        {slot("machines", <MachinesWidget {...ctx} load={startWidgetData.machines} />)}
        {slot("news", <NewsWidget {...ctx} load={() => startWidgetData.news(user)} />)}
      </div>
    </div>
  );
}
