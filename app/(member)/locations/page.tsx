import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { LocationFormFields } from "@/components/inventory/location-form-fields";
import type { InventoryLocation } from "@/lib/db/schema";
import { listLocations } from "@/lib/domain/inventory/locations";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { getDb } from "@/lib/web/db";
import { requireInventoryViewer } from "@/lib/web/inventory";
import { createLocationAction } from "./actions";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

function Tree({ t, all, parentId, seen }: { t: Translate; all: InventoryLocation[]; parentId: number | null; seen: Set<number> }) {
  const children = all.filter((l) => l.parentId === parentId && !seen.has(l.id));
  if (!children.length) return null;
  return (
    <ul className={parentId === null ? "space-y-1" : "ml-5 space-y-1 border-l border-slate-200 pl-3"}>
      {children.map((l) => {
        seen.add(l.id);
        return (
          <li key={l.id}>
            <Link href={`/locations/${l.id}`} className="font-medium underline-offset-2 hover:underline">
              {l.name}
            </Link>
            <span className="ml-2 text-xs text-slate-500">{t(`inv.kind.${l.kind as "box"}`)}</span>
            <Tree t={t} all={all} parentId={l.id} seen={seen} />
          </li>
        );
      })}
    </ul>
  );
}

export default async function LocationsPage() {
  const user = await requireInventoryViewer();
  const [t, all] = await Promise.all([getT(), listLocations(getDb())]);
  return (
    <div className="space-y-6">
      <PageTitle>{t("inv.locations.title")}</PageTitle>
      {all.length === 0 ? <EmptyState>{t("inv.locations.none")}</EmptyState> : <Tree t={t} all={all} parentId={null} seen={new Set()} />}
      {user.canEdit && (
        <Card id="new-location" title={t("inv.locations.new")}>
          <ActionForm action={createLocationAction} className="space-y-3" label={t("inv.locations.new")}>
            <LocationFormFields t={t} locations={all} />
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
