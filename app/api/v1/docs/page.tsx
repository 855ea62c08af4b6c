import Link from "next/link";
import type { Metadata } from "next";
import { DocsOperation, type DocOperation } from "@/components/api/docs-operation";
import { DocsSchema } from "@/components/api/docs-schema";
import { Markdown } from "@/components/markdown/markdown";
import { openApiDocument } from "@/lib/api/v1/endpoints";
import { PROBLEMS } from "@/lib/api/v1/problem";
import { WEBHOOK_DATA } from "@/lib/api/v1/webhook-docs";
import { isWebhookEventType } from "@/lib/domain/webhooks/event-types";
import { ALL_SCOPES, SCOPES } from "@/lib/domain/api-tokens/scopes";
import { getT } from "@/lib/i18n/server";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "API" };

/** The readable API documentation, rendered on the server from the same OpenAPI document the API serves. */
export default async function ApiDocsPage() {
  const [t, doc] = [await getT(), openApiDocument()];
  const paths = doc.paths as unknown as Record<string, Record<string, DocOperation>>;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <PageTitle>{t("api.docs.title")}</PageTitle>
        <p className="text-sm text-slate-600">
          OpenAPI {doc.openapi} · {t("api.docs.version", { version: doc.info.version })} ·{" "}
          <a className="underline" href="/api/v1/openapi.json">
            openapi.json
          </a>{" "}
          ·{" "}
          <Link className="underline" href="/profile/tokens">
            {t("api.tokens.title")}
          </Link>
        </p>
        <Markdown source={doc.info.description} className="max-w-3xl space-y-2 text-sm" />
      </header>
      <section aria-labelledby="scopes" className="space-y-2">
        <h2 id="scopes" className="text-xl font-semibold">
          {t("api.tokens.scopes")}
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {ALL_SCOPES.map((s) => (
            <div key={s} className="contents">
              <dt className="font-mono">{s}</dt>
              <dd>
                {t(`api.scope.${s}`)}
                {SCOPES[s].uses.length > 0 && <span className="text-slate-600"> — {t("api.docs.uses", { permissions: SCOPES[s].uses.join(", ") })}</span>}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      {doc.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="space-y-3">
          <h2 id={`tag-${tag.name}`} className="text-xl font-semibold">
            {tag.name}
          </h2>
          <p className="text-sm text-slate-700">{tag.description}</p>
          {Object.entries(paths).flatMap(([path, item]) =>
            Object.entries(item)
              .filter(([, op]) => (op as unknown as { tags: string[] }).tags.includes(tag.name))
              .map(([method, op]) => <DocsOperation key={`${method} ${path}`} t={t} method={method} path={path} op={op} />),
          )}
        </section>
      ))}
      <section aria-labelledby="problems" className="space-y-2">
        <h2 id="problems" className="text-xl font-semibold">
          {t("api.docs.problems")}
        </h2>
        <p className="text-sm text-slate-700">{t("api.docs.problemsIntro")}</p>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {Object.entries(PROBLEMS).map(([code, p]) => (
            <div key={code} id={`problem-${code.replace(/_/g, "-")}`} className="contents">
              <dt className="font-mono">
                {p.status} {code}
              </dt>
              <dd>{p.title}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="webhooks" className="space-y-3">
        <h2 id="webhooks" className="text-xl font-semibold">
          {t("wh.title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("wh.intro")}</p>
        {Object.entries(WEBHOOK_DATA).map(([type, data]) => (
          <DocsSchema
            key={type}
            name={type}
            schema={{ description: isWebhookEventType(type) ? t(`wh.event.${type}`) : undefined, properties: data, required: Object.keys(data) }}
          />
        ))}
      </section>
      <section aria-labelledby="schemas" className="space-y-3">
        <h2 id="schemas" className="text-xl font-semibold">
          {t("api.docs.schemas")}
        </h2>
        {Object.entries(doc.components.schemas).map(([name, schema]) => (
          <DocsSchema key={name} name={name} schema={schema as Record<string, unknown>} />
        ))}
      </section>
    </div>
  );
}
