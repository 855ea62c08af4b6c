import Link from "next/link";
import { linkClass } from "@/components/ui/styles";
import { PeopleImportForm } from "./people-import-form";
import { requirePermission } from "@/lib/auth/guards";
import { IMPORT_COLUMNS } from "@/lib/domain/people/import-people";
import { getT } from "@/lib/i18n/server";
import { PageTitle } from "@/components/ui/page-title";

export default async function PeopleImportPage() {
  await requirePermission("members.write");
  const t = await getT();
  return (
    <div className="space-y-4">
      <Link href="/admin/people" className={linkClass}>
        {t("person.back")}
      </Link>
      <PageTitle>{t("peopleImport.title")}</PageTitle>
      <p className="text-sm text-slate-600">{t("peopleImport.intro")}</p>
      <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-sm">{IMPORT_COLUMNS.join(",")}</pre>
      <PeopleImportForm
        labels={{
          title: t("peopleImport.title"),
          file: t("peopleImport.file"),
          invite: t("inviteAll.afterImport"),
          paste: t("peopleImport.paste"),
          preview: t("peopleImport.preview"),
          confirm: t("peopleImport.confirm"),
          confirmSkipping: t("peopleImport.confirmSkipping"),
          line: t("peopleImport.line"),
          field: t("peopleImport.field"),
          problem: t("peopleImport.problem"),
          name: t("peopleImport.name"),
          email: t("profile.email"),
          status: t("people.col.status"),
          card: t("peopleImport.card"),
          good: t("peopleImport.good"),
          bad: t("peopleImport.bad"),
        }}
      />
    </div>
  );
}
