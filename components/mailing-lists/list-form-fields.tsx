import { CheckboxField, TextAreaField, TextField } from "@/components/ui/field";
import type { ListWithRules } from "@/lib/domain/mailing-lists/lists";
import type { Translate } from "@/lib/i18n/translate";
import { EmptyState } from "@/components/ui/empty-state";

type Option = { id: number; name: string };

function Choices({ prefix, legend, name, options, checked }: { prefix: string; legend: string; name: string; options: Option[]; checked: number[] }) {
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {options.length === 0 && <EmptyState small>—</EmptyState>}
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <CheckboxField key={o.id} id={`${prefix}-${name}-${o.id}`} name={name} value={o.id} label={o.name} defaultChecked={checked.includes(o.id)} />
        ))}
      </div>
    </fieldset>
  );
}

/** Name, address, description, how people get on the list (statuses, committees, roles, opt-in) and the Mailman sync. */
export function ListFormFields({
  t,
  prefix,
  list,
  statuses,
  committees,
  roles,
}: {
  t: Translate;
  prefix: string;
  list?: ListWithRules;
  statuses: Option[];
  committees: Option[];
  roles: Option[];
}) {
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField id={`${prefix}-name`} name="name" label={t("ml.name")} defaultValue={list?.name ?? ""} required maxLength={100} />
        <TextField id={`${prefix}-address`} name="address" type="email" label={t("ml.address")} defaultValue={list?.address ?? ""} required />
      </div>
      <TextAreaField id={`${prefix}-description`} name="description" label={t("ml.description")} defaultValue={list?.description ?? ""} rows={2} />
      <Choices prefix={prefix} legend={t("ml.byStatus")} name="statusId" options={statuses} checked={list?.statusIds ?? []} />
      <Choices prefix={prefix} legend={t("ml.byCommittee")} name="committeeId" options={committees} checked={list?.committeeIds ?? []} />
      <Choices prefix={prefix} legend={t("ml.byRole")} name="roleId" options={roles} checked={list?.roleIds ?? []} />
      <CheckboxField id={`${prefix}-optIn`} name="optIn" label={t("ml.optIn")} defaultChecked={list?.optIn ?? false} />
      <CheckboxField id={`${prefix}-mailmanSync`} name="mailmanSync" label={t("ml.mailmanSync")} defaultChecked={list?.mailmanSync ?? false} />
    </div>
  );
}
