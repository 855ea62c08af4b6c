import Link from "next/link";
import type { CurrentUser } from "@/lib/auth/current-user";
import { MACHINE_STATES, type MachineState } from "@/lib/domain/machines/machine-state";
import { dayOf, formatDateTime, formatPlainDate } from "@/lib/time";
import type { WidgetLoad } from "@/lib/web/start-widgets";
import type { Locale, Translate } from "@/lib/i18n/translate";
import { OpenStatusSwitch } from "./open-status-switch";
import type { FormAction } from "@/components/forms/action-form";
import { Guarded } from "./widget";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

// The badge's tone per dashboard state.
const STATE_TONE: Record<MachineState, BadgeTone> = {
  in_use: "warning",
  blocked: "danger",
  maintenance_due: "caution",
  offline: "neutral",
  free: "success",
};

export interface WidgetContext {
  t: Translate;
  locale: Locale;
  timeZone: string;
  user: CurrentUser | null;
}

const muted = "text-sm text-slate-500";

/** setOpenStatusAction: the start page's action behind the staff switch. */
export function OpenStatusWidget({
  t,
  locale,
  timeZone,
  user,
  load,
  setOpenStatusAction,
}: WidgetContext & { load: WidgetLoad<"openStatus">; setOpenStatusAction: FormAction }) {
  return (
    <Guarded
      unavailable={t("com.notAvailable")}
      name="open-status"
      title={t("com.open.title")}
      testId="open-status"
      render={async () => {
        const status = await load();
        const mayChange = user?.permissions.has("space.open");
        return (
          <>
            {status ? (
              <p>
                <Badge tone={status.open ? "success" : "neutral"} size="text" className="mr-2">
                  {status.open ? t("com.open.open") : t("com.open.closed")}
                </Badge>
                <span className={muted}>{t("com.open.since", { when: formatDateTime(status.since, locale, timeZone) })}</span>
                {status.message && <span className="mt-1 block">{status.message}</span>}
              </p>
            ) : (
              <p className={muted}>{t("com.open.unknown")}</p>
            )}
            {mayChange && <OpenStatusSwitch t={t} open={status?.open ?? false} action={setOpenStatusAction} />}
            {user?.permissions.has("system.admin") && (
              <Link href="/admin/sensors" className="mt-2 inline-block text-sm text-slate-600 underline">
                {t("com.open.sensors")}
              </Link>
            )}
          </>
        );
      }}
    />
  );
}

export function EventsWidget({ t, locale, timeZone, load }: WidgetContext & { load: WidgetLoad<"events"> }) {
  return (
    <Guarded
      unavailable={t("com.notAvailable")}
      name="events"
      title={t("com.start.events")}
      render={async () => {
        const events = await load();
        if (!events.length) return <EmptyState small>{t("com.start.noEvents")}</EmptyState>;
        return (
          <ul className="space-y-1 text-sm">
            {events.map((e) => (
              <li key={`${e.kind}-${e.id}-${e.startsAt.getTime()}`}>
                <span className="text-slate-500">{formatDateTime(e.startsAt, locale, timeZone)}</span> <span className="font-medium">{e.title}</span>
              </li>
            ))}
          </ul>
        );
      }}
    />
  );
}

export function MachinesWidget({ t, load }: WidgetContext & { load: WidgetLoad<"machines"> }) {
  return (
    <Guarded
      unavailable={t("com.notAvailable")}
      name="machines"
      title={t("com.machines.title")}
      testId="machines"
      render={async () => {
        const { tiles, counts } = await load();
        if (!tiles.length) return <EmptyState small>{t("com.machines.none")}</EmptyState>;
        const label = (s: MachineState) => t(`mach.state.${s}`);
        return (
          <>
            <p className="mb-2 text-sm" data-testid="start-machine-counts">
              {MACHINE_STATES.filter((s) => counts[s] > 0)
                .map((s) => `${label(s)}: ${counts[s]}`)
                .join(" · ")}
            </p>
            <ul className="space-y-1 text-sm">
              {tiles.map((m) => (
                <li key={m.id} className="flex items-center justify-between gap-2" data-state={m.state}>
                  <span>{m.name}</span>
                  <Badge tone={STATE_TONE[m.state]}>{label(m.state)}</Badge>
                </li>
              ))}
            </ul>
            <Link href="/machines" className="mt-2 inline-block text-sm text-slate-600 underline">
              {t("com.machines.dashboard")}
            </Link>
          </>
        );
      }}
    />
  );
}

export function NewsWidget({ t, locale, timeZone, load }: WidgetContext & { load: WidgetLoad<"news"> }) {
  return (
    <Guarded
      unavailable={t("com.notAvailable")}
      name="news"
      title={t("com.news.title")}
      render={async () => {
        const posts = await load();
        return (
          <>
            {posts.length === 0 && <EmptyState small>{t("com.news.none")}</EmptyState>}
            <ul className="space-y-3">
              {posts.map((p) => (
                <li key={p.id}>
                  <h3 className="font-medium">
                    <Link href={`/news/${p.id}`} className="hover:underline">
                      {p.title}
                    </Link>
                  </h3>
                  <p className="text-xs text-slate-500">
                    {t("com.news.by", { name: p.authorName ?? "—", when: formatDateTime(p.publishedAt, locale, timeZone) })}
                  </p>
                  <p className="mt-1 whitespace-pre-line text-sm">{p.body.length > 400 ? `${p.body.slice(0, 400)}…` : p.body}</p>
                </li>
              ))}
            </ul>
            <p className="mt-2 flex gap-4 text-sm text-slate-600">
              <Link href="/news" className="underline">
                {t("com.news.all")}
              </Link>
              <a href="/news.xml" className="underline">
                {t("com.news.feed")}
              </a>
            </p>
          </>
        );
      }}
    />
  );
}

export function TrainingWidget({ t, locale, timeZone, load }: WidgetContext & { load: WidgetLoad<"training"> }) {
  return (
    <Guarded
      unavailable={t("com.notAvailable")}
      name="training"
      title={t("com.member.training")}
      render={async () => {
        const next = await load();
        if (!next) return <EmptyState small>{t("com.member.noTraining")}</EmptyState>;
        return (
          <p className="text-sm">
            <span className="font-medium">{next.typeName}</span> · {formatDateTime(next.startsAt, locale, timeZone)}{" "}
            {next.status === "waitlisted" && t("com.member.waitlisted")}
          </p>
        );
      }}
    />
  );
}

export function LoansWidget({ t, locale, timeZone, load }: WidgetContext & { load: WidgetLoad<"loans"> }) {
  return (
    <Guarded
      unavailable={t("com.notAvailable")}
      name="loans"
      title={t("com.member.loans")}
      render={async () => {
        const loans = await load();
        if (!loans.length) return <EmptyState small>{t("com.member.noLoans")}</EmptyState>;
        const todayIso = dayOf(new Date(), timeZone);
        return (
          <ul className="space-y-1 text-sm">
            {loans.map((l) => (
              <li key={l.loanId} className={l.dueOn < todayIso ? "text-red-800" : ""}>
                {l.thingName} · {t(l.dueOn < todayIso ? "com.member.overdue" : "com.member.due", { when: formatPlainDate(l.dueOn, locale) })}
              </li>
            ))}
          </ul>
        );
      }}
    />
  );
}
