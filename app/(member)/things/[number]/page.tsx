import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ThingHistory } from "@/components/inventory/thing-history";
import { ThingManage } from "./thing-manage";
import { getCategory } from "@/lib/domain/inventory/categories";
import { listLocations, locationPath } from "@/lib/domain/inventory/locations";
import { openLoanOf } from "@/lib/domain/inventory/loans";
import { nameShownTo } from "@/lib/domain/people/shown-names";
import { getThingByNumber, thingHistory, thingNumberBySlug } from "@/lib/domain/inventory/things";
import { readableHistory } from "@/lib/domain/audit/readable-history";
import { getLocale, getT } from "@/lib/i18n/server";
import { dayOf, formatPlainDate } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { requireInventoryViewer } from "@/lib/web/inventory";
import { getSpace } from "@/lib/web/space";
import { PageTitle } from "@/components/ui/page-title";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

type Params = Promise<{ number: string }>;

export default async function ThingPage({ params }: { params: Params }) {
  const user = await requireInventoryViewer();
  const { number } = await params;
  const db = getDb();
  if (!/^\d{1,9}$/.test(number)) {
    // By name: /things/<slug> leads to the thing's short address (the number on its label).
    const byName = await thingNumberBySlug(db, number);
    if (byName === null) notFound();
    redirect(`/things/${byName}`);
  }
  const thing = await getThingByNumber(db, Number(number));
  if (!thing) notFound();
  const [t, locale, space, path, loan, history, lender, category] = await Promise.all([
    getT(),
    getLocale(),
    getSpace(),
    thing.locationId ? locationPath(db, thing.locationId) : Promise.resolve([]),
    openLoanOf(db, thing.id),
    thingHistory(db, thing.id),
    nameShownTo(db, user, thing.lenderPersonId),
    thing.categoryId ? getCategory(db, thing.categoryId) : Promise.resolve(null),
  ]);
  const borrower = loan ? await nameShownTo(db, user, loan.borrowerPersonId) : null;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[10rem_1fr] gap-2 border-t border-slate-100 py-2">
      <dt className="text-slate-500">{label}</dt>
      <dd>{value || "—"}</dd>
    </div>
  );

  return (
    <div className="space-y-6">
      <PageTitle
        kicker={
          <p className="font-mono text-sm text-slate-500">
            #{thing.number} · <span className="sr-only">{t("inv.thing.byName")}: </span>
            <Link href={`/things/${thing.slug}`} title={t("inv.thing.byName")} className="underline">
              /things/{thing.slug}
            </Link>
          </p>
        }
        actions={
          <>
            <ButtonLink href="/things" look="secondary">
              {t("inv.things.title")}
            </ButtonLink>
            <ButtonLink href={`/things/labels?ids=${thing.number}`} look="secondary">
              {t("inv.labels.print")}
            </ButtonLink>
            {user.canEdit && (
              <ButtonLink href={`/things/${thing.number}/edit`} look="secondary">
                {t("inv.edit")}
              </ButtonLink>
            )}
          </>
        }
      >
        {thing.name}
      </PageTitle>
      <div className="grid gap-6 md:grid-cols-[1fr_20rem]">
        <dl className="text-sm">
          {row(t("inv.thing.description"), <span className="whitespace-pre-line">{thing.description}</span>)}
          {row(t("inv.thing.category"), category?.name)}
          {row(
            t("inv.thing.location"),
            path.length ? (
              <span>
                {path.map((l, i) => (
                  <span key={l.id}>
                    {i > 0 && " › "}
                    <Link href={`/locations/${l.id}`} className="underline-offset-2 hover:underline">
                      {l.name}
                    </Link>
                  </span>
                ))}
              </span>
            ) : null,
          )}
          {row(
            t("inv.thing.ownership"),
            thing.ownership === "owned"
              ? t("inv.ownership.owned")
              : t("inv.ownership.lentBy", { name: lender ?? "?", until: thing.lenderUntil ? formatPlainDate(thing.lenderUntil, locale) : "—" }),
          )}
          {row(
            t("inv.thing.status"),
            loan ? t("inv.loan.lentTo", { name: borrower ?? "?", due: formatPlainDate(loan.dueOn, locale) }) : t("inv.loan.available"),
          )}
          {row(t("inv.thing.value"), thing.value)}
          {row(t("inv.thing.purchaseDate"), thing.purchaseDate && formatPlainDate(thing.purchaseDate, locale))}
          {row(t("inv.thing.notes"), <span className="whitespace-pre-line">{thing.notes}</span>)}
        </dl>
        {thing.photoKey ? (
          <a href={`/things/${thing.number}/photo/display`}>
            {/* eslint-disable-next-line @next/next/no-img-element -- our own resized file behind a permission check */}
            <img
              src={`/things/${thing.number}/photo/display?v=${thing.photoKey}`}
              alt={t("inv.thing.photoOf", { name: thing.name })}
              className="w-full rounded border border-slate-200"
            />
          </a>
        ) : (
          <EmptyState small>{t("inv.thing.noPhoto")}</EmptyState>
        )}
      </div>
      {user.canEdit && (
        <ThingManage
          t={t}
          thingId={thing.id}
          locationId={thing.locationId}
          lentOut={!!loan}
          locations={await listLocations(db)}
          today={dayOf(new Date(), space.timeZone)}
        />
      )}
      <ThingHistory t={t} entries={await readableHistory(db, history, { t, locale, timeZone: space.timeZone, viewer: user })} />
    </div>
  );
}
