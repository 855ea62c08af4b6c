import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { LocationFormFields } from "@/components/inventory/location-form-fields";
import { ThingTable } from "@/components/inventory/thing-table";
import { listLocations, locationPath } from "@/lib/domain/inventory/locations";
import { searchThings } from "@/lib/domain/inventory/search";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { requireInventoryViewer } from "@/lib/web/inventory";
import { deleteLocationAction, updateLocationAction } from "../actions";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** "What is in this box": everything in it and in the boxes inside it. */
export default async function LocationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireInventoryViewer();
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const db = getDb();
  const path = await locationPath(db, Number(id));
  const location = path.at(-1);
  if (!location || location.id !== Number(id)) notFound();
  const [t, all, contents] = await Promise.all([getT(), listLocations(db), searchThings(db, { locationId: location.id, limit: 500 })]);
  const children = all.filter((l) => l.parentId === location.id);
  return (
    <div className="space-y-6">
      <nav aria-label={t("inv.location.path")} className="text-sm text-slate-500">
        <Link href="/locations" className="hover:underline">
          {t("inv.locations.title")}
        </Link>
        {path.map((l) => (
          <span key={l.id}>
            {" "}
            ›{" "}
            <Link href={`/locations/${l.id}`} className="hover:underline">
              {l.name}
            </Link>
          </span>
        ))}
      </nav>
      <PageTitle
        actions={
          user.canEdit && (
            <ButtonLink href={`/things/new?location=${location.id}`} look="secondary">
              {t("inv.things.newHere")}
            </ButtonLink>
          )
        }
      >
        {location.name}
      </PageTitle>
      {location.description && <p className="whitespace-pre-line">{location.description}</p>}
      {children.length > 0 && (
        <section>
          <h2 className="mb-2 text-lg font-semibold">{t("inv.location.inside")}</h2>
          <ul className="flex flex-wrap gap-2">
            {children.map((c) => (
              <li key={c.id}>
                <ButtonLink href={`/locations/${c.id}`} look="secondary">
                  {c.name}
                </ButtonLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("inv.location.contents", { count: contents.total })}</h2>
        <ThingTable t={t} rows={contents.rows} selectable={user.canEdit} />
      </section>
      {user.canEdit && (
        <Card id="edit-location" title={t("inv.location.edit")}>
          <ActionForm action={updateLocationAction.bind(null, location.id)} className="space-y-3" label={t("inv.location.edit")}>
            <LocationFormFields t={t} locations={all} location={location} />
          </ActionForm>
        </Card>
      )}
      {user.canEdit && (
        <ActionForm action={deleteLocationAction.bind(null, location.id)} className="space-y-2" label={t("inv.location.delete")}>
          <p className="text-sm text-slate-600">{t("inv.location.deleteHint")}</p>
          <ConfirmButton>{t("inv.location.delete")}</ConfirmButton>
        </ActionForm>
      )}
    </div>
  );
}
