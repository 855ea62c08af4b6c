import { SelectField, TextField } from "@/components/ui/field";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DeleteButton } from "@/components/people-admin/delete-button";
import type { DirectRole } from "@/lib/domain/access/person-roles";
import { getLocale, getT } from "@/lib/i18n/server";
import { dayOf, formatPlainDate } from "@/lib/time";
import { getSpace } from "@/lib/web/space";
import { endPersonRoleAction, grantPersonRoleAction, setLoginEmailAction } from "./access-actions";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** The person page's login email and directly held roles with their days: system admins only (the domain checks again). */
export async function PersonAccessSection({
  personId,
  loginEmail,
  roles,
  held,
}: {
  personId: number;
  /** The login's email, null without a login. */
  loginEmail: string | null;
  /** Every role, to give one. */
  roles: { id: number; name: string }[];
  /** The roles the person holds directly, ended ones too. */
  held: DirectRole[];
}) {
  const [t, locale, space] = await Promise.all([getT(), getLocale(), getSpace()]);
  const today = dayOf(new Date(), space.timeZone);
  const day = (d: string) => formatPlainDate(d, locale);
  return (
    <Card id="person-access" title={t("access.title")}>
      {loginEmail !== null ? (
        <ActionForm action={setLoginEmailAction} className="mb-4 grid gap-3 sm:grid-cols-[2fr_auto] sm:items-end" label={t("access.setLoginEmail")}>
          <input type="hidden" name="personId" value={personId} />
          <TextField label={t("access.loginEmail")} name="newEmail" type="email" required maxLength={320} defaultValue={loginEmail} />
          <SubmitButton>{t("access.setLoginEmail")}</SubmitButton>
        </ActionForm>
      ) : (
        <p className="mb-4 text-sm text-slate-600">{t("access.noLogin")}</p>
      )}
      <h3 className="text-sm font-medium text-slate-700">{t("access.roles")}</h3>
      {held.length === 0 ? (
        <EmptyState small>{t("access.role.none")}</EmptyState>
      ) : (
        <ul className="mb-3 divide-y divide-slate-100 text-sm" aria-label={t("access.roles")}>
          {held.map((r) => {
            const ended = r.until !== null && r.until < today;
            return (
              <li key={r.roleId} className="flex flex-wrap items-center justify-between gap-2 py-1" aria-label={r.name}>
                <span>
                  <span className="font-medium">{r.name}</span>{" "}
                  <span className="text-slate-600">
                    {r.until ? t("access.role.period", { since: day(r.since), until: day(r.until) }) : t("access.role.open", { since: day(r.since) })}
                    {ended && ` (${t("access.role.endedTag")})`}
                  </span>
                </span>
                {!ended && <DeleteButton action={endPersonRoleAction.bind(null, personId, r.roleId)} label={t("access.role.end")} name={r.name} />}
              </li>
            );
          })}
        </ul>
      )}
      <ActionForm action={grantPersonRoleAction} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" label={t("access.role.grant")}>
        <input type="hidden" name="personId" value={personId} />
        <SelectField label={t("access.role")} name="roleId" id="grant-role" required>
          {roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t("access.role.since")} name="since" id="grant-role-since" type="date" required defaultValue={today} />
        <TextField label={t("access.role.until")} name="until" id="grant-role-until" type="date" />
        <SubmitButton>{t("access.role.grant")}</SubmitButton>
      </ActionForm>
      <p className="mt-2 text-xs text-slate-500">{t("access.rolesHint")}</p>
    </Card>
  );
}
