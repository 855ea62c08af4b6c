import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/ui/field";
import { cardClass } from "@/components/ui/styles";
import type { SharedField } from "@/lib/domain/oidc/scopes";
import type { Translate } from "@/lib/i18n/translate";
import { PageTitle } from "@/components/ui/page-title";
import { Button } from "@/components/ui/button";

interface Props {
  t: Translate;
  client: string;
  query: string;
  scopes: string[];
  /** Fields offered for the scopes asked, those ticked at first, and the values they would share. */
  offered: SharedField[];
  ticked: SharedField[];
  values: Record<string, string>;
  allow: FormAction;
  deny: FormAction;
}

/** What another service will learn about the person, with the fields they may share or keep, and yes/no. */
export function ConsentScreen({ t, client, query, scopes, offered, ticked, values, allow, deny }: Props) {
  return (
    <section className={`${cardClass} mx-auto max-w-lg space-y-4`} aria-labelledby="consent-title">
      <PageTitle id="consent-title">{t("sso.consent.title", { client })}</PageTitle>
      <p>{t("sso.consent.intro", { client })}</p>
      <div>
        <p className="font-medium">{t("sso.consent.learns")}</p>
        <ul className="list-disc pl-6 text-sm">
          <li>{t("sso.consent.sub")}</li>
          {scopes.includes("profile") && <li>{t("sso.consent.locale")}</li>}
          {scopes.includes("groups") && <li>{t("sso.consent.groups")}</li>}
        </ul>
      </div>
      <ActionForm action={allow} className="space-y-4" label={t("sso.consent.allow")}>
        <input type="hidden" name="query" value={query} />
        {offered.length > 0 && (
          <fieldset className="space-y-1">
            <legend className="mb-1 font-medium">{t("sso.consent.choose")}</legend>
            {offered.map((f) => (
              <CheckboxField
                key={f}
                id={`share-${f}`}
                name="field"
                value={f}
                label={t(`sso.consent.field.${f}` as const, { value: values[f] ?? "" })}
                defaultChecked={ticked.includes(f)}
              />
            ))}
          </fieldset>
        )}
        <p className="text-sm text-slate-600">{t("sso.consent.hint", { client })}</p>
        <Button type="submit">{t("sso.consent.allow")}</Button>
      </ActionForm>
      <ActionForm action={deny} label={t("sso.consent.deny")}>
        <input type="hidden" name="query" value={query} />
        <Button type="submit" look="secondary">
          {t("sso.consent.deny")}
        </Button>
      </ActionForm>
    </section>
  );
}
