import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** An unknown thing number, e.g. a mistyped label or a thing removed long ago. */
export default async function ThingNotFound() {
  const t = await getT();
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">{t("inv.thing.notFoundTitle")}</h1>
      <p>{t("inv.thing.notFoundBody")}</p>
      <Link href="/things" className="underline">
        {t("inv.thing.notFoundSearch")}
      </Link>
    </div>
  );
}
