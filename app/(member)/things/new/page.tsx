import { ActionForm } from "@/components/forms/action-form";
import { ThingFormFields } from "@/components/inventory/thing-form-fields";
import { requirePermission } from "@/lib/auth/guards";
import { listCategories } from "@/lib/domain/inventory/categories";
import { listLocations } from "@/lib/domain/inventory/locations";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { saveThingAction } from "../actions";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewThingPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("inventory.write");
  const location = (await searchParams).location;
  const db = getDb();
  const [t, categories, locations] = await Promise.all([getT(), listCategories(db), listLocations(db)]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("inv.things.new")}</PageTitle>
      <Card id="thing-form" title={t("inv.things.new")} titleHidden>
        <ActionForm action={saveThingAction.bind(null, null)} className="space-y-4" label={t("inv.things.new")}>
          <ThingFormFields
            t={t}
            categories={categories}
            locations={locations}
            defaultLocationId={typeof location === "string" && /^\d+$/.test(location) ? Number(location) : undefined}
          />
        </ActionForm>
      </Card>
    </div>
  );
}
