import type { Translate } from "@/lib/i18n/translate";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";

export interface DocParameter {
  name: string;
  in: string;
  required: boolean;
  description: string;
  schema: Record<string, unknown>;
}
export interface DocOperation {
  operationId: string;
  summary: string;
  description: string;
  parameters: DocParameter[];
  requestBody?: { description: string; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
  "x-scope"?: string;
}

/** "string (date-time)", "integer ≥ 1", "one of a, b": a schema in a few words. */
export function typeOf(schema: Record<string, unknown>): string {
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop()!;
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.join(", ")}`;
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as Record<string, unknown>[]).map(typeOf).join(" | ");
  if (schema.type === "array" && schema.items) return `array of ${typeOf(schema.items as Record<string, unknown>)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : String(schema.type ?? "object");
  return schema.format ? `${type} (${String(schema.format)})` : type;
}

/** What a 200 answer holds, linked to the schema below: a page of rows, a list or one object. */
function shapeOf(schema: Record<string, unknown> | undefined): string | null {
  if (!schema) return null;
  const data = (schema.properties as Record<string, Record<string, unknown>> | undefined)?.data;
  if (data?.items) return typeOf(data.items as Record<string, unknown>);
  return typeof schema.$ref === "string" ? typeOf(schema) : null;
}

/** One operation: method and path, what it does, its scope, parameters and answers. */
export function DocsOperation({ t, method, path, op }: { t: Translate; method: string; path: string; op: DocOperation }) {
  const shape = shapeOf(op.responses["200"]?.content?.["application/json"]?.schema);
  const body = op.requestBody?.content["application/json"]?.schema;
  return (
    <Card
      id={op.operationId}
      level={3}
      className="space-y-2"
      title={
        <span className="font-mono">
          <Badge tone="dark" className="mr-2">
            {method.toUpperCase()}
          </Badge>{" "}
          /api/v1{path}
        </span>
      }
    >
      <p className="font-medium">{op.summary}</p>
      <p className="text-sm text-slate-700">{op.description}</p>
      {op["x-scope"] && (
        <p className="text-sm">
          {t("api.docs.scope")}: <code>{op["x-scope"]}</code>
        </p>
      )}
      {op.parameters.length > 0 && (
        <Table labelledBy={op.operationId}>
          <thead>
            <tr>
              <Th>{t("api.docs.parameter")}</Th>
              <Th>{t("api.docs.type")}</Th>
              <Th>{t("api.docs.description")}</Th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <Td className="font-mono">
                  {p.name}
                  {p.in === "path" ? ` (${t("api.docs.inPath")})` : ""}
                </Td>
                <Td>{typeOf(p.schema)}</Td>
                <Td>{p.description}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {body && (
        <p className="text-sm">
          {t("api.docs.body")}:{" "}
          <a className="underline" href={`#schema-${typeOf(body)}`}>
            {typeOf(body)}
          </a>{" "}
          — {op.requestBody!.description}
        </p>
      )}
      {shape && (
        <p className="text-sm">
          {t("api.docs.returns")}:{" "}
          <a className="underline" href={`#schema-${shape}`}>
            {shape}
          </a>
        </p>
      )}
      <ul className="text-sm">
        {Object.entries(op.responses).map(([status, r]) => (
          <li key={status}>
            <span className="font-mono">{status}</span> {r.description}
          </li>
        ))}
      </ul>
    </Card>
  );
}
