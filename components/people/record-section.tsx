import { isMessageKey, type Locale, type Translate } from "@/lib/i18n/translate";
import { formatDateTime } from "@/lib/time";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

/** A stored value as text: times in the space's zone, nested values (change diffs) as JSON, nothing as a dash. */
function shown(value: unknown, locale: Locale, timeZone: string): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value instanceof Date) return formatDateTime(value, locale, timeZone);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** One part of "my record": a single row as a list of fields, or many rows as a table; field names translated. */
export function RecordSection({
  id,
  title,
  rows,
  t,
  locale,
  timeZone,
}: {
  id: string;
  title: string;
  rows: Record<string, unknown>[] | Record<string, unknown> | null;
  t: Translate;
  locale: Locale;
  timeZone: string;
}) {
  const label = (key: string) => {
    const k = `record.f.${key}`;
    return isMessageKey(k) ? t(k) : key;
  };
  const list = Array.isArray(rows) ? rows : null;
  const columns = list ? [...new Set(list.flatMap((r) => Object.keys(r)))] : [];
  return (
    <Card
      id={`record-${id}`}
      title={
        <>
          {title} {list && <span className="text-sm font-normal text-slate-500">({list.length})</span>}
        </>
      }
    >
      {list === null ? (
        rows === null ? (
          <EmptyState small>{t("record.empty")}</EmptyState>
        ) : (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            {Object.entries(rows).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500">{label(k)}</dt>
                <dd className="break-words">{shown(v, locale, timeZone)}</dd>
              </div>
            ))}
          </dl>
        )
      ) : list.length === 0 ? (
        <EmptyState small>{t("record.empty")}</EmptyState>
      ) : (
        <Table labelledBy={`record-${id}`}>
          <thead>
            <tr>
              {columns.map((c) => (
                <Th key={c}>{label(c)}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <Td key={c} className="max-w-xs break-words">
                    {shown(r[c], locale, timeZone)}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
