import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { linkClass } from "@/components/ui/styles";
import { PageTitle } from "@/components/ui/page-title";

export default async function NotFound() {
  const t = await getT();
  return (
    <section className="max-w-xl space-y-4">
      <PageTitle>{t("notFound.title")}</PageTitle>
      <p className="text-slate-700">{t("notFound.body")}</p>
      <Link href="/" className={linkClass}>
        {t("nav.start")}
      </Link>
    </section>
  );
}
