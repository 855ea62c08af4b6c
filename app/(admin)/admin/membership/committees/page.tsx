import Link from "next/link";
import { TextAreaField, TextField } from "@/components/ui/field";
import { linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { FunctionHolders } from "@/components/people-admin/function-holders";
import { RoleCheckboxes } from "@/components/people-admin/role-checkboxes";
import { requirePermission } from "@/lib/auth/guards";
import { listRoles } from "@/lib/domain/people/committee-admin";
import { listCommittees } from "@/lib/domain/people/committee-service";
import { getT } from "@/lib/i18n/server";
import { dayOf } from "@/lib/time";
import { getDb } from "@/lib/web/db";
import { getSpace } from "@/lib/web/space";
import {
  assignFunctionAction,
  createCommitteeAction,
  createFunctionAction,
  endFunctionAction,
  deleteCommitteeAction,
  deleteFunctionAction,
  updateCommitteeAction,
  updateFunctionAction,
} from "./actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";
import { EmptyState } from "@/components/ui/empty-state";

/** Committees, the functions each allows, who holds them today, and the roles a function grants (system admins set those). */
export default async function CommitteesPage() {
  const user = await requirePermission("members.write");
  const db = getDb();
  const space = await getSpace();
  const today = dayOf(new Date(), space.timeZone);
  const [t, committees, roles] = await Promise.all([getT(), listCommittees(db, user, today), listRoles(db)]);
  const mayGrant = user.permissions.has("system.admin");
  const idsOf = (keys: string[]) => roles.filter((r) => keys.includes(r.key)).map((r) => r.id);
  const committeeFields = (prefix: string, c?: { name: string; description: string }) => (
    <div className="grid gap-3 sm:grid-cols-2">
      <TextField id={`${prefix}-name`} name="name" label={t("pa.name")} defaultValue={c?.name ?? ""} required />
      <TextAreaField id={`${prefix}-description`} name="description" label={t("pa.description")} defaultValue={c?.description ?? ""} rows={2} />
    </div>
  );
  return (
    <div className="space-y-6">
      <Link href="/admin/membership" className={linkClass}>
        {t("pa.back")}
      </Link>
      <PageTitle>{t("pa.committees")}</PageTitle>
      <p className="text-slate-600">{t("pa.committees.intro")}</p>
      {committees.length === 0 && <EmptyState>{t("pa.none")}</EmptyState>}
      {committees.map((c) => (
        <Card key={c.id} id={`committee-${c.id}`} title={c.name} className="space-y-4">
          {c.description && <p className="text-sm text-slate-600">{c.description}</p>}
          <details>
            <summary className="cursor-pointer text-sm text-amber-800">{t("pa.edit")}</summary>
            <ActionForm action={updateCommitteeAction.bind(null, c.id)} className="mt-2 space-y-3" label={`${t("pa.edit")}: ${c.name}`}>
              {committeeFields(`committee-${c.id}`, c)}
              <SubmitButton>{t("pa.save")}</SubmitButton>
            </ActionForm>
          </details>
          <h3 className="font-semibold">{t("pa.functions")}</h3>
          {c.functions.length === 0 && <EmptyState small>{t("pa.noFunctions")}</EmptyState>}
          <ul className="space-y-3">
            {c.functions.map((f) => (
              <li key={f.id} className="space-y-2 rounded border border-slate-200 p-3" aria-label={f.name}>
                <h4 className="font-medium">{f.name}</h4>
                <FunctionHolders
                  fn={f}
                  today={today}
                  assign={assignFunctionAction.bind(null, f.id)}
                  end={(holderId) => endFunctionAction.bind(null, holderId)}
                />
                <ActionForm action={updateFunctionAction.bind(null, f.id)} className="space-y-2" label={`${t("pa.edit")}: ${f.name}`}>
                  <TextField id={`function-${f.id}-name`} name="name" label={t("pa.function.name")} defaultValue={f.name} required />
                  <RoleCheckboxes idPrefix={`function-${f.id}`} legend={t("pa.roles")} roles={roles} checked={idsOf(f.roles)} disabled={!mayGrant} />
                  {/* Disabled checkboxes are not submitted: keep the current roles for admins who may not change them. */}
                  {!mayGrant && idsOf(f.roles).map((id) => <input key={id} type="hidden" name="roleId" value={id} />)}
                  <SubmitButton>{t("pa.save")}</SubmitButton>
                </ActionForm>
                <DeleteButton action={deleteFunctionAction.bind(null, f.id)} label={t("pa.delete")} name={f.name} />
              </li>
            ))}
          </ul>
          <ActionForm
            action={createFunctionAction.bind(null, c.id)}
            className="space-y-2 rounded border border-dashed border-slate-300 p-3"
            label={`${t("pa.function.new")}: ${c.name}`}
          >
            <TextField id={`committee-${c.id}-new-function`} name="name" label={t("pa.function.new")} required />
            {mayGrant && <RoleCheckboxes idPrefix={`committee-${c.id}-new-function`} legend={t("pa.roles")} roles={roles} checked={[]} />}
            <SubmitButton>{t("pa.add")}</SubmitButton>
          </ActionForm>
          <DeleteButton action={deleteCommitteeAction.bind(null, c.id)} label={t("pa.delete")} name={c.name} />
        </Card>
      ))}
      <Card id="new-committee" title={t("pa.committee.new")}>
        <ActionForm action={createCommitteeAction} className="space-y-3" label={t("pa.committee.new")}>
          {committeeFields("committee-new")}
          <SubmitButton>{t("pa.add")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
