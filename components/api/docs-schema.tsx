import { typeOf } from "./docs-operation";
import { Card } from "@/components/ui/card";

/** A component schema as a list of its fields: name, type, whether always present, what it means. */
export function DocsSchema({ name, schema }: { name: string; schema: Record<string, unknown> }) {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set((schema.required ?? []) as string[]);
  return (
    <Card id={`schema-${name}`} title={<span className="font-mono">{name}</span>} level={3}>
      {typeof schema.description === "string" && <p className="text-sm text-slate-700">{schema.description}</p>}
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {Object.entries(properties).map(([field, s]) => (
          <div key={field} className="contents">
            <dt className="font-mono">
              {field}
              {required.has(field) ? "" : "?"}
            </dt>
            <dd>
              {typeOf(s)}
              {typeof s.description === "string" && <span className="text-slate-600"> — {s.description}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
