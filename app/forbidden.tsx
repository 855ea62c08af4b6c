import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { linkClass } from "@/components/ui/styles";

/** Rendered with HTTP 403 when requirePermission() calls forbidden(). */
export default async function Forbidden() {
  const t = await getT();
  return (
    <section className="max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("forbidden.title")}</h1>
      <p className="text-slate-700">{t("forbidden.body")}</p>
      <Link href="/home" className={linkClass}>
        {t("forbidden.back")}
      </Link>
    </section>
  );
}
