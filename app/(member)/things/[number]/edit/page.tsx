import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { ThingFormFields } from "@/components/inventory/thing-form-fields";
import { requirePermission } from "@/lib/auth/guards";
import { listCategories } from "@/lib/domain/inventory/categories";
import { listLocations } from "@/lib/domain/inventory/locations";
import { getThingByNumber } from "@/lib/domain/inventory/things";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { saveThingAction } from "../../actions";
import { PageTitle } from "@/components/ui/page-title";
import { Card } from "@/components/ui/card";

export default async function EditThingPage({ params }: { params: Promise<{ number: string }> }) {
  await requirePermission("inventory.write");
  const { number } = await params;
  const db = getDb();
  const thing = /^\d{1,9}$/.test(number) ? await getThingByNumber(db, Number(number)) : null;
  if (!thing) notFound();
  const [t, categories, locations] = await Promise.all([getT(), listCategories(db), listLocations(db)]);
  return (
    <div className="space-y-4">
      <PageTitle>{t("inv.things.edit", { number: thing.number })}</PageTitle>
      <Card id="thing-form" title={t("inv.things.edit", { number: thing.number })} titleHidden>
        <ActionForm action={saveThingAction.bind(null, thing.number)} className="space-y-4" label={t("inv.edit")}>
          <ThingFormFields t={t} thing={thing} categories={categories} locations={locations} />
        </ActionForm>
      </Card>
    </div>
  );
}
