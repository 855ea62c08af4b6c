import { SecretOnceForm, type SecretActionResult } from "@/components/forms/secret-once-form";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import type { Scope } from "@/lib/domain/api-tokens/scopes";
import type { Translate } from "@/lib/i18n/translate";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

const LIFETIMES = [7, 30, 90, 365] as const;

/** Name, scopes (only those the owner can use today) and lifetime of a new token; the token is shown once. */
export function TokenForm({
  t,
  action,
  scopes,
  hidden,
}: {
  t: Translate;
  action: (p: SecretActionResult | null, f: FormData) => Promise<SecretActionResult>;
  scopes: Scope[];
  hidden?: Record<string, string | number>;
}) {
  if (scopes.length === 0) return <EmptyState small>{t("api.tokens.noScopes")}</EmptyState>;
  return (
    <SecretOnceForm action={action} label={t("api.tokens.create")} secretLabel={t("api.tokens.secret")} className="space-y-3">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField label={t("api.tokens.name")} name="name" required maxLength={60} />
      <fieldset className="space-y-1">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("api.tokens.scopes")}</legend>
        {scopes.map((s) => (
          <CheckboxField key={s} id={`scope-${s}`} name="scope" value={s} label={`${s}: ${t(`api.scope.${s}`)}`} />
        ))}
      </fieldset>
      <SelectField label={t("api.tokens.expires")} name="expiresInDays" defaultValue="90">
        {LIFETIMES.map((d) => (
          <option key={d} value={d}>
            {t("api.tokens.days", { days: d })}
          </option>
        ))}
      </SelectField>
      <Button type="submit">{t("api.tokens.create")}</Button>
    </SecretOnceForm>
  );
}
