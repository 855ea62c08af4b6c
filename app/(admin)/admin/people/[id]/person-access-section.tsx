import { CheckboxField, TextField } from "@/components/ui/field";
import { cardClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { loginEmailOf } from "@/lib/domain/auth/email-change";
import { directRoleIds } from "@/lib/domain/access/person-roles";
import { listRoles } from "@/lib/domain/people/committee-admin";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { setLoginEmailAction, setPersonRolesAction } from "./access-actions";

/** The person page's login email and directly held roles: system admins only (the domain checks again). */
export async function PersonAccessSection({ personId }: { personId: number }) {
  const db = getDb();
  const [t, loginEmail, roles, held] = await Promise.all([
    getT(),
    loginEmailOf(db, personId),
    listRoles(db),
    directRoleIds(db, personId),
  ]);
  return (
    <section className={cardClass} aria-labelledby="person-access">
      <h2 id="person-access" className="mb-3 text-lg font-semibold">{t("access.title")}</h2>
      {loginEmail !== null ? (
        <ActionForm action={setLoginEmailAction} className="mb-4 grid gap-3 sm:grid-cols-[2fr_auto] sm:items-end" label={t("access.setLoginEmail")}>
          <input type="hidden" name="personId" value={personId} />
          <TextField label={t("access.loginEmail")} name="newEmail" type="email" required maxLength={320} defaultValue={loginEmail} />
          <SubmitButton>{t("access.setLoginEmail")}</SubmitButton>
        </ActionForm>
      ) : (
        <p className="mb-4 text-sm text-slate-600">{t("access.noLogin")}</p>
      )}
      <ActionForm action={setPersonRolesAction} className="space-y-2" label={t("access.roles")}>
        <input type="hidden" name="personId" value={personId} />
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">{t("access.roles")}</legend>
          {roles.map((r) => (
            <CheckboxField key={r.id} id={`person-role-${r.id}`} name="roleId" value={r.id} label={r.name} defaultChecked={held.includes(r.id)} />
          ))}
        </fieldset>
        <p className="text-xs text-slate-500">{t("access.rolesHint")}</p>
        <SubmitButton>{t("access.saveRoles")}</SubmitButton>
      </ActionForm>
    </section>
  );
}
