import Link from "next/link";
import { redirect } from "next/navigation";
import { MachineDashboard, type DashboardLabels } from "@/components/machines/machine-dashboard";
import { getCurrentUser } from "@/lib/auth/current-user";
import { bookableMachines } from "@/lib/domain/calendar/machine-bookings";
import { dashboardAccessIn } from "@/lib/domain/machines/dashboard-access";
import { dashboardShownTo, loadDashboard } from "@/lib/domain/machines/dashboard";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { PageTitle } from "@/components/ui/page-title";
import { LoadingBoundary } from "@/components/ui/loading";
import type { CurrentUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

/**
 * The live machines dashboard; public or for logged-in people, as the space settings say. Who may see it is
 * answered first (a visitor is redirected with a status); the tiles stream in after the title.
 */
export default async function MachinesPage() {
  const [user, t] = await Promise.all([getCurrentUser(), getT()]);
  const access = await dashboardAccessIn(getDb(), user);
  if (!access.allowed) redirect("/login");
  return (
    <div className="space-y-4">
      <PageTitle>{t("mach.dashboard.title")}</PageTitle>
      <p className="text-slate-700">{t("mach.dashboard.intro")}</p>
      {(user?.permissions.has("equipment.manage") || user?.permissions.has("machines.operate")) && (
        <p className="flex gap-4 text-sm">
          <Link className="underline" href="/admin/maintenance">
            {t("mach.due.title")}
          </Link>
          <Link className="underline" href="/admin/usage">
            {t("mach.report.title")}
          </Link>
        </p>
      )}
      <LoadingBoundary label={t("loading.status")} lines={6}>
        <Dashboard user={user} showNames={access.showNames} />
      </LoadingBoundary>
    </div>
  );
}

/** The machines' tiles as they are now; the dashboard then follows them live. */
async function Dashboard({ user, showNames }: { user: CurrentUser | null; showNames: boolean }) {
  const t = await getT();
  // Marked per viewer by the booking rule (an active card, trained, not blocked): what they could switch on now.
  const [data, usable] = await Promise.all([
    loadDashboard(getDb()),
    user ? bookableMachines(getDb(), user.personId).then((machines) => machines.map((m) => m.id)) : null,
  ]);
  const labels: DashboardLabels = {
    states: {
      in_use: t("mach.state.in_use"),
      blocked: t("mach.state.blocked"),
      maintenance_due: t("mach.state.maintenance_due"),
      offline: t("mach.state.offline"),
      free: t("mach.state.free"),
    },
    counts: t("mach.dashboard.counts"),
    empty: t("mach.dashboard.empty"),
    live: t("mach.dashboard.live"),
    reconnecting: t("mach.dashboard.reconnecting"),
    inUseBy: t("mach.tile.inUseBy"),
    inUse: t("mach.tile.inUse"),
    since: t("mach.tile.since"),
    sinceHours: t("mach.tile.sinceHours"),
    neverHeard: t("mach.tile.neverHeard"),
    details: t("mach.tile.details"),
    mayUse: t("mach.tile.mayUse"),
    mayNotUse: t("mach.tile.mayNotUse"),
  };
  return (
    <MachineDashboard
      initial={dashboardShownTo(data, user, showNames)}
      labels={labels}
      detailsHref={user?.permissions.has("equipment.manage") ? "/admin/equipment/machines" : user ? "/machines" : null}
      usable={usable}
    />
  );
}
