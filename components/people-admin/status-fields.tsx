import { CheckboxField, TextField } from "@/components/ui/field";
import type { MembershipStatus } from "@/lib/db/schema";
import { getT } from "@/lib/i18n/server";
import { RoleCheckboxes } from "./role-checkboxes";

const FLAGS = ["mayLogIn", "mayUseMachines", "inDirectory", "mayVote"] as const;

/** A status's name, key, what it allows and the roles it grants. System keys are shown but not editable. */
export async function StatusFields({
  idPrefix,
  status,
  roles,
  roleIds,
  systemKey,
}: {
  idPrefix: string;
  status?: MembershipStatus;
  roles: { id: number; name: string }[];
  roleIds: number[];
  systemKey: boolean;
}) {
  const t = await getT();
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField id={`${idPrefix}-name`} name="name" label={t("pa.name")} defaultValue={status?.name ?? ""} required />
        <TextField
          id={`${idPrefix}-key`}
          name="key"
          label={t("pa.key")}
          hint={systemKey ? t("pa.systemKey") : t("pa.key.hint")}
          defaultValue={status?.key ?? ""}
          readOnly={systemKey}
          required
        />
        <TextField id={`${idPrefix}-sort`} name="sortOrder" type="number" label={t("pa.sortOrder")} defaultValue={status?.sortOrder ?? 0} />
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {FLAGS.map((f) => (
          <CheckboxField key={f} id={`${idPrefix}-${f}`} name={f} label={t(`pa.${f}`)} defaultChecked={status ? status[f] : f === "mayLogIn"} />
        ))}
      </div>
      <RoleCheckboxes idPrefix={idPrefix} legend={t("pa.roles")} roles={roles} checked={roleIds} />
    </div>
  );
}
