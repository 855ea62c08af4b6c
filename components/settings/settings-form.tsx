"use client";

import { useActionState } from "react";
import { LOCALES } from "@/lib/i18n/locales";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { FormResultContext } from "../forms/form-result-context";
import { SubmitButton } from "../forms/submit-button";
import { FieldError, SelectField, TextAreaField, TextField } from "@/components/ui/field";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  initial: Record<string, string>;
  passwordNote: string;
  labels: Record<string, string>;
}

const sectionClass = "space-y-4 rounded border border-slate-200 bg-white p-4";

export function SettingsForm({ action, initial, passwordNote, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  // After a refused save the typed values come back, so nothing typed is lost when React resets the form; each
  // refused field shows its own message (the fields read it from FormResultContext).
  const values = result && !result.ok && result.values ? result.values : initial;
  const languagesError = result && !result.ok ? result.fieldErrors?.languages : undefined;
  const field = (name: string, extra: Record<string, unknown> = {}) => (
    <TextField
      key={`${name}-${JSON.stringify(result)}`}
      label={labels[name]!}
      name={name}
      defaultValue={values[name] ?? ""}
      hint={labels[`${name}.hint`]}
      {...extra}
    />
  );
  const box = (name: string) => (
    <label className="flex items-center gap-2 text-sm" key={`${name}-${JSON.stringify(result)}`}>
      <input type="checkbox" name={name} defaultChecked={values[name] === "true" || values[name] === "on"} />
      {labels[name]}
    </label>
  );
  return (
    <form action={formAction} className="space-y-6">
      <FormMessage result={result} />
      <FormResultContext value={result}>
        <fieldset className={sectionClass}>
          <legend className="px-1 font-semibold">{labels["section.space"]}</legend>
          {field("name", { required: true, maxLength: 120 })}
          {field("logoUrl")}
          {field("address")}
          <div className="grid gap-4 sm:grid-cols-2">
            {field("latitude", { inputMode: "decimal" })}
            {field("longitude", { inputMode: "decimal" })}
            {field("timeZone", { required: true })}
            <SelectField label={labels.defaultLanguage!} name="defaultLanguage" defaultValue={values.defaultLanguage} key={`lang-${JSON.stringify(result)}`}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {labels[`lang.${l}`]}
                </option>
              ))}
            </SelectField>
            <fieldset
              className="sm:col-span-2"
              aria-invalid={languagesError ? true : undefined}
              aria-describedby={languagesError ? "field-languages-error" : undefined}
              key={`langs-${JSON.stringify(result)}`}
            >
              <legend className="mb-1 text-sm font-medium text-slate-700">{labels.languages}</legend>
              <div className="flex flex-wrap gap-4">
                {LOCALES.map((l) => (
                  <label key={l} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="languages"
                      value={l}
                      defaultChecked={(values.languages ?? (values === initial ? LOCALES.join(",") : "")).split(",").includes(l)}
                    />
                    {labels[`lang.${l}`]}
                  </label>
                ))}
              </div>
              <FieldError id="field-languages-error" error={languagesError} />
              <p className="mt-1 text-xs text-slate-500">{labels["languages.hint"]}</p>
            </fieldset>
            {field("yearStartMonth", { type: "number", min: 1, max: 12 })}
            {field("yearStartDay", { type: "number", min: 1, max: 31 })}
            {field("contactEmail", { type: "email" })}
            {field("boardEmail", { type: "email" })}
          </div>
          {field("website", { type: "url" })}
          {field("publicUrl", { type: "url", required: true })}
        </fieldset>
        <fieldset className={sectionClass}>
          <legend className="px-1 font-semibold">{labels["section.mail"]}</legend>
          {field("mailFrom", { required: true })}
          <div className="grid gap-4 sm:grid-cols-2">
            {field("smtpHost")}
            {field("smtpPort", { type: "number", min: 1, max: 65535 })}
            {field("smtpUser", { autoComplete: "off" })}
            <TextField label={labels.smtpPassword!} name="smtpPassword" type="password" autoComplete="new-password" hint={passwordNote} />
          </div>
          {box("smtpSecure")}
          {box("clearSmtpPassword")}
        </fieldset>
        <fieldset className={sectionClass}>
          <legend className="px-1 font-semibold">{labels["section.access"]}</legend>
          {box("machinesDashboardPublic")}
          {box("inventoryMembersMayView")}
        </fieldset>
        <fieldset className={sectionClass}>
          <legend className="px-1 font-semibold">{labels["section.api"]}</legend>
          <TextAreaField
            key={`apiCorsOrigins-${JSON.stringify(result)}`}
            label={labels.apiCorsOrigins!}
            name="apiCorsOrigins"
            defaultValue={values.apiCorsOrigins ?? ""}
            hint={labels["apiCorsOrigins.hint"]}
            rows={3}
            spellCheck={false}
            autoCapitalize="off"
          />
        </fieldset>
        <fieldset className={sectionClass}>
          <legend className="px-1 font-semibold">{labels["section.retention"]}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {field("retentionAuditMonths", { type: "number", min: 1 })}
            {field("retentionLoginAttemptsDays", { type: "number", min: 1 })}
            {field("retentionUsageDays", { type: "number", min: 30 })}
            {field("backupKeepDaily", { type: "number", min: 1 })}
            {field("backupKeepWeekly", { type: "number", min: 0 })}
          </div>
        </fieldset>
      </FormResultContext>
      <SubmitButton>{labels.save}</SubmitButton>
    </form>
  );
}
