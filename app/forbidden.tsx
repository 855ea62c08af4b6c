import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";

/** Rendered with HTTP 403 when requirePermission() calls forbidden(). */
export default async function Forbidden() {
  const t = await getT();
  return (
    <section className="max-w-xl space-y-4">
      <PageTitle>{t("forbidden.title")}</PageTitle>
      <p className="text-slate-700">{t("forbidden.body")}</p>
      <Link href="/home" className={linkClass}>
        {t("forbidden.back")}
      </Link>
    </section>
  );
}
