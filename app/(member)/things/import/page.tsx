import { ImportForm } from "./import-form";
import { requirePermission } from "@/lib/auth/guards";
import { IMPORT_COLUMNS } from "@/lib/domain/inventory/csv-import";
import { getT } from "@/lib/i18n/server";
import { PageTitle } from "@/components/ui/page-title";

export default async function ImportPage() {
  await requirePermission("inventory.write");
  const t = await getT();
  const labels = {
    title: t("inv.import.title"),
    file: t("inv.import.file"),
    paste: t("inv.import.paste"),
    preview: t("inv.import.preview"),
    confirm: t("inv.import.confirm"),
    line: t("inv.import.line"),
    name: t("inv.thing.name"),
    location: t("inv.thing.location"),
    problems: t("inv.import.problems"),
  };
  return (
    <div className="space-y-4">
      <PageTitle>{t("inv.import.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("inv.import.intro")}</p>
      <p className="font-mono text-xs text-slate-600">{IMPORT_COLUMNS.join(",")}</p>
      <ImportForm labels={labels} />
    </div>
  );
}
