import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import type { MembershipType } from "@/lib/db/schema";
import { getT } from "@/lib/i18n/server";

export const BILLING_PERIODS = ["monthly", "quarterly", "yearly", "once", "none"] as const;

/** A membership type's fields; the fee is typed in the currency (45.00) and stored in cents. */
export async function TypeFields({ idPrefix, type }: { idPrefix: string; type?: MembershipType }) {
  const t = await getT();
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField id={`${idPrefix}-name`} name="name" label={t("pa.name")} defaultValue={type?.name ?? ""} required />
        <TextField id={`${idPrefix}-key`} name="key" label={t("pa.key")} hint={t("pa.key.hint")} defaultValue={type?.key ?? ""} required />
        <TextField id={`${idPrefix}-sort`} name="sortOrder" type="number" label={t("pa.sortOrder")} defaultValue={type?.sortOrder ?? 0} />
        <TextField
          id={`${idPrefix}-fee`}
          name="fee"
          inputMode="decimal"
          label={t("pa.fee")}
          defaultValue={type ? (type.feeCents / 100).toFixed(2) : "0.00"}
          required
        />
        <SelectField id={`${idPrefix}-period`} name="billingPeriod" label={t("pa.billingPeriod")} defaultValue={type?.billingPeriod ?? "yearly"}>
          {BILLING_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`pa.billing.${p}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        <CheckboxField id={`${idPrefix}-partner`} name="partnerRate" label={t("pa.partnerRate")} defaultChecked={type?.partnerRate ?? false} />
        <CheckboxField id={`${idPrefix}-active`} name="active" label={t("pa.active")} defaultChecked={type?.active ?? true} />
      </div>
    </div>
  );
}
