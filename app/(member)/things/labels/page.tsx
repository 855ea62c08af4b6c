import QRCode from "qrcode";
import { thingsByNumbers } from "@/lib/domain/inventory/things";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { publicLink } from "@/lib/domain/settings/public-link";
import { requireInventoryViewer } from "@/lib/web/inventory";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A print-ready sheet: 3 labels across on A4, each with the QR code of the thing's short URL. */
export default async function LabelsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireInventoryViewer();
  const raw = (await searchParams).ids;
  const numbers = [
    ...new Set(
      (Array.isArray(raw) ? raw : (raw ?? "").split(","))
        .flatMap((s) => s.split(","))
        .filter((s) => /^\d{1,9}$/.test(s))
        .map(Number),
    ),
  ].slice(0, 300);
  const t = await getT();
  const rows = await thingsByNumbers(getDb(), numbers);
  rows.sort((a, b) => a.number - b.number);
  const labels = await Promise.all(
    rows.map(async (r) => {
      const url = await publicLink(getDb(), `/things/${r.number}`);
      const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      // As an image source, so the SVG never becomes part of the page's markup.
      return { ...r, url, src: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
    }),
  );
  return (
    <div className="space-y-4">
      <div className="print:hidden">
        <PageTitle>{t("inv.labels.title")}</PageTitle>
        {labels.length ? <p className="text-sm text-slate-600">{t("inv.labels.hint")}</p> : <EmptyState small>{t("inv.labels.none")}</EmptyState>}
      </div>
      <div className="grid grid-cols-3 gap-2 print:gap-0">
        {labels.map((l) => (
          <figure key={l.id} className="flex items-center gap-2 border border-dashed border-slate-400 bg-white p-2 break-inside-avoid" data-testid="label">
            {/* eslint-disable-next-line @next/next/no-img-element -- an inline data URL, nothing to optimise */}
            <img src={l.src} alt={t("inv.labels.qrFor", { url: l.url })} className="h-24 w-24 shrink-0" />
            <figcaption className="min-w-0 text-sm">
              <p className="font-mono text-lg font-bold">#{l.number}</p>
              <p className="line-clamp-3 break-words">{l.name}</p>
              <p className="break-all text-xs text-slate-500">{l.url}</p>
            </figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}
