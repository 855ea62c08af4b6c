import Link from "next/link";
import { cardClass, linkClass } from "@/components/ui/styles";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DeleteButton } from "@/components/people-admin/delete-button";
import { StatusFields } from "@/components/people-admin/status-fields";
import { requirePermission } from "@/lib/auth/guards";
import { listRoles } from "@/lib/domain/people/committee-admin";
import { statusRoleIds, SYSTEM_STATUS_KEYS } from "@/lib/domain/people/reference-delete";
import { listStatuses } from "@/lib/domain/people/reference-service";
import { getT } from "@/lib/i18n/server";
import { getDb } from "@/lib/web/db";
import { deleteStatusAction, saveStatusAction } from "../actions";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-title";

const FLAGS = ["mayLogIn", "mayUseMachines", "inDirectory", "mayVote"] as const;

/** Statuses decide who may log in, use machines, appear in the directory and vote: system admins edit them. */
export default async function StatusesPage() {
  await requirePermission("system.admin");
  const db = getDb();
  const [t, statuses, roles, granted] = await Promise.all([getT(), listStatuses(db), listRoles(db), statusRoleIds(db)]);
  const roleName = new Map(roles.map((r) => [r.id, r.name]));
  return (
    <div className="space-y-6">
      <Link href="/admin/membership" className={linkClass}>
        {t("pa.back")}
      </Link>
      <PageTitle>{t("pa.statuses")}</PageTitle>
      <p className="text-slate-600">{t("pa.statuses.intro")}</p>
      <ul className="space-y-3" aria-label={t("pa.statuses")}>
        {statuses.map((s) => {
          const allowed = FLAGS.filter((f) => s[f]).map((f) => t(`pa.${f}`));
          const roleIds = granted.get(s.id) ?? [];
          const system = (SYSTEM_STATUS_KEYS as readonly string[]).includes(s.key);
          return (
            <li key={s.id} className={`${cardClass} space-y-2`} aria-label={s.name}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {s.name} <span className="font-mono text-sm text-slate-500">{s.key}</span>
                </h2>
              </div>
              <p className="text-sm">{allowed.length ? allowed.join(" · ") : t("pa.allowsNothing")}</p>
              <p className="text-sm text-slate-600">
                {t("pa.roles")}: {roleIds.length ? roleIds.map((id) => roleName.get(id)).join(", ") : t("pa.noRoles")}
              </p>
              <details>
                <summary className="cursor-pointer text-sm text-amber-800">{t("pa.edit")}</summary>
                <ActionForm action={saveStatusAction.bind(null, s.id)} className="mt-2 space-y-3" label={`${t("pa.edit")}: ${s.name}`}>
                  <StatusFields idPrefix={`status-${s.id}`} status={s} roles={roles} roleIds={roleIds} systemKey={system} />
                  <SubmitButton>{t("pa.save")}</SubmitButton>
                </ActionForm>
              </details>
              {!system && <DeleteButton action={deleteStatusAction.bind(null, s.id)} label={t("pa.delete")} name={s.name} />}
            </li>
          );
        })}
      </ul>
      <Card id="new-status" title={t("pa.new")}>
        <ActionForm action={saveStatusAction.bind(null, null)} className="space-y-3" label={t("pa.new")}>
          <StatusFields idPrefix="status-new" roles={roles} roleIds={[]} systemKey={false} />
          <SubmitButton>{t("pa.add")}</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
