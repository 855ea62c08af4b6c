import { CheckboxField } from "@/components/ui/field";

/** The roles a status or committee function grants, as checkboxes named roleId (ids unique per form). */
export function RoleCheckboxes({
  idPrefix,
  legend,
  roles,
  checked,
  disabled,
}: {
  idPrefix: string;
  legend: string;
  roles: { id: number; name: string }[];
  checked: number[];
  disabled?: boolean;
}) {
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {roles.map((r) => (
          <CheckboxField
            key={r.id}
            id={`${idPrefix}-role-${r.id}`}
            name="roleId"
            value={r.id}
            label={r.name}
            defaultChecked={checked.includes(r.id)}
            disabled={disabled}
          />
        ))}
      </div>
    </fieldset>
  );
}
