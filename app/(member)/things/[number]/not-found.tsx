import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { PageTitle } from "@/components/ui/page-title";

/** An unknown thing number, e.g. a mistyped label or a thing removed long ago. */
export default async function ThingNotFound() {
  const t = await getT();
  return (
    <div className="space-y-3">
      <PageTitle>{t("inv.thing.notFoundTitle")}</PageTitle>
      <p>{t("inv.thing.notFoundBody")}</p>
      <Link href="/things" className="underline">
        {t("inv.thing.notFoundSearch")}
      </Link>
    </div>
  );
}
