import { CheckboxField, FieldGroup, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ALL_PERMISSIONS } from "@/lib/domain/access/permissions";
import type { OidcClientRow } from "@/lib/domain/oidc/clients";
import type { Translate } from "@/lib/i18n/translate";

const OPTIONAL_SCOPES = ["profile", "email", "groups"] as const;

/** The settings of a single sign-on client, for registering one and for editing it. */
export function OidcClientFields({
  t,
  statuses,
  defaults,
  idPrefix,
}: {
  t: Translate;
  statuses: { id: number; name: string }[];
  defaults?: OidcClientRow;
  idPrefix: string;
}) {
  const kind = defaults?.kind ?? "confidential";
  return (
    <>
      <TextField label={t("sso.field.name")} name="name" required maxLength={80} defaultValue={defaults?.name} />
      <fieldset className="space-y-1">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("sso.field.kind")}</legend>
        {(["confidential", "public"] as const).map((k) => (
          <label key={k} className="flex items-start gap-2 text-sm">
            <input type="radio" name="kind" value={k} defaultChecked={kind === k} className="mt-1" />
            {t(`sso.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t("sso.field.redirectUris")}
        name="redirectUris"
        required
        rows={3}
        maxLength={20_000}
        defaultValue={defaults?.redirectUris.join("\n")}
      />
      <TextAreaField
        label={t("sso.field.postLogoutRedirectUris")}
        name="postLogoutRedirectUris"
        rows={2}
        maxLength={20_000}
        defaultValue={defaults?.postLogoutRedirectUris.join("\n")}
      />
      <TextField
        label={t("sso.field.backchannelLogoutUri")}
        hint={t("sso.field.backchannelLogoutUriHint")}
        name="backchannelLogoutUri"
        type="url"
        maxLength={2000}
        defaultValue={defaults?.backchannelLogoutUri ?? ""}
      />
      <FieldGroup name="allowedScopes" id={`${idPrefix}-scopes`} legend={t("sso.field.scopes")} className="space-y-1">
        {OPTIONAL_SCOPES.map((s) => (
          <CheckboxField
            key={s}
            id={`${idPrefix}-scope-${s}`}
            name="scope"
            value={s}
            label={t(`sso.scope.${s}`)}
            defaultChecked={defaults ? defaults.allowedScopes.includes(s) : s !== "groups"}
          />
        ))}
      </FieldGroup>
      <FieldGroup name="allowedStatusIds" id={`${idPrefix}-statuses`} legend={t("sso.field.statuses")} className="grid gap-1 sm:grid-cols-2">
        {statuses.map((s) => (
          <CheckboxField
            key={s.id}
            id={`${idPrefix}-status-${s.id}`}
            name="status"
            value={String(s.id)}
            label={s.name}
            defaultChecked={defaults?.allowedStatusIds.includes(s.id)}
          />
        ))}
      </FieldGroup>
      <SelectField label={t("sso.field.permission")} name="requiredPermission" id={`${idPrefix}-permission`} defaultValue={defaults?.requiredPermission ?? ""}>
        <option value="">{t("sso.field.permissionNone")}</option>
        {ALL_PERMISSIONS.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </SelectField>
      <CheckboxField id={`${idPrefix}-refresh`} name="refreshTokens" label={t("sso.field.refreshTokens")} defaultChecked={defaults?.refreshTokens} />
    </>
  );
}
