import { TextField } from "@/components/ui/field";
import { groupedPermissions } from "@/lib/domain/access/permission-groups";
import type { Permission } from "@/lib/domain/access/permissions";
import { viewRightKey, type ViewRightGroups } from "@/lib/domain/access/view-rights";
import { getT } from "@/lib/i18n/server";

/**
 * A role's name, description and permissions: every permission the code defines, grouped and explained. With
 * `lockedPermissions` (the administrator role) the boxes are shown checked but cannot change.
 */
export async function RoleFields({
  idPrefix,
  role,
  groups,
  lockedPermissions = false,
}: {
  idPrefix: string;
  role?: { name: string; description: string; permissions: Permission[]; rights: string[] };
  groups: ViewRightGroups;
  lockedPermissions?: boolean;
}) {
  const t = await getT();
  const held = new Set<string>([...(role?.permissions ?? []), ...(role?.rights ?? [])]);
  const rightBox = (key: string, label: string) => (
    <div key={key} className="flex items-center gap-2">
      <input
        id={`${idPrefix}-right-${key}`}
        name="permission"
        value={key}
        type="checkbox"
        className="h-4 w-4 rounded border-slate-300"
        defaultChecked={held.has(key)}
        disabled={lockedPermissions}
      />
      <label htmlFor={`${idPrefix}-right-${key}`} className="text-sm text-slate-700">
        {label}
      </label>
    </div>
  );
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={`${idPrefix}-name`} name="name" label={t("roles.name")} defaultValue={role?.name ?? ""} required maxLength={100} />
        <TextField id={`${idPrefix}-description`} name="description" label={t("roles.description")} defaultValue={role?.description ?? ""} maxLength={500} />
      </div>
      {lockedPermissions && <p className="text-sm text-slate-600">{t("roles.lockedHint")}</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        {groupedPermissions().map(({ group, permissions }) => (
          <fieldset key={group} className="space-y-2 rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-700">{t(`roles.group.${group}`)}</legend>
            {permissions.map((p) => (
              <div key={p} className="flex items-start gap-2">
                <input
                  id={`${idPrefix}-perm-${p}`}
                  name="permission"
                  value={p}
                  type="checkbox"
                  className="mt-1 h-4 w-4 rounded border-slate-300"
                  defaultChecked={held.has(p)}
                  disabled={lockedPermissions}
                  aria-describedby={`${idPrefix}-perm-${p}-hint`}
                />
                <label htmlFor={`${idPrefix}-perm-${p}`} className="text-sm text-slate-700">
                  <span className="font-medium">{t(`roles.perm.${p}`)}</span> <span className="font-mono text-xs text-slate-500">{p}</span>
                  <span id={`${idPrefix}-perm-${p}-hint`} className="block text-xs text-slate-500">
                    {t(`roles.perm.${p}.hint`)}
                  </span>
                </label>
              </div>
            ))}
          </fieldset>
        ))}
      </div>
      <fieldset className="space-y-2 rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("roles.group.view")}</legend>
        <p className="text-xs text-slate-500">{t("roles.group.view.hint")}</p>
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {groups.statuses.map((s) => rightBox(viewRightKey("status", s.id), t("roles.view.status", { name: s.name })))}
          {groups.committees.map((c) => rightBox(viewRightKey("committee", c.id), t("roles.view.committee", { name: c.name })))}
        </div>
      </fieldset>
      {/* Disabled boxes are not posted: the locked role's permissions go along hidden, so a rename keeps them. */}
      {lockedPermissions && [...held].map((p) => <input key={p} type="hidden" name="permission" value={p} />)}
    </div>
  );
}
