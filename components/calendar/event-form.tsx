"use client";

import { useActionState } from "react";
import { fieldError, type ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { FormResultContext } from "../forms/form-result-context";
import { SubmitButton } from "../forms/submit-button";
import { CheckboxField, FieldError, SelectField, TextAreaField, TextField } from "@/components/ui/field";

type Option = { id: number; name: string };

interface Props {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  initial: Record<string, string>;
  rooms: Option[];
  resources: Option[];
  timeZones: string[];
  labels: Record<string, string>;
}

/** Create/edit an event; a refused save comes back with every field as typed and each field's refusal beside it. */
export function EventForm({ action, initial, rooms, resources, timeZones, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  const v = (result && !result.ok && result.values) || initial;
  const has = (field: string, id: number | string) => (v[field] ?? "").split(",").includes(String(id));
  const L = (k: string) => labels[k] ?? k;
  // A group of checkboxes has no one control to mark: its refusal is read with the group.
  const groupError = (field: string) => {
    const error = fieldError(result, field);
    return { error, describedBy: error ? `field-${field}-error` : undefined };
  };
  const weekdays = groupError("weekdays");
  return (
    <form action={formAction} className="max-w-2xl space-y-4" key={JSON.stringify(v)}>
      <FormMessage result={result} />
      <FormResultContext value={result}>
        <TextField label={L("title")} name="title" required maxLength={200} defaultValue={v.title} />
        <TextAreaField label={L("description")} name="description" rows={5} maxLength={20000} defaultValue={v.description} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={L("starts")} name="startsAt" type="datetime-local" required defaultValue={v.startsAt} />
          <TextField label={L("ends")} name="endsAt" type="datetime-local" required defaultValue={v.endsAt} />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label={L("timeZone")} name="timeZone" defaultValue={v.timeZone}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
          <div className="pt-6">
            <CheckboxField label={L("allDay")} name="allDay" defaultChecked={v.allDay === "on"} />
          </div>
        </div>
        <fieldset className="space-y-2 rounded border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">{L("repeat")}</legend>
          <SelectField label={L("repeat")} name="freq" defaultValue={v.freq}>
            <option value="">{L("repeat.none")}</option>
            <option value="weekly">{L("repeat.weekly")}</option>
            <option value="monthly">{L("repeat.monthly")}</option>
          </SelectField>
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField label={L("interval")} name="interval" type="number" min={1} max={52} defaultValue={v.interval || "1"} />
            <TextField label={L("until")} name="until" type="date" defaultValue={v.until} />
            <TextField label={L("count")} name="count" type="number" min={1} max={1000} defaultValue={v.count} />
          </div>
          <div className="flex flex-wrap gap-3" role="group" aria-label={L("weekdays")} aria-describedby={weekdays.describedBy}>
            <span className="text-sm">{L("weekdays")}:</span>
            {[1, 2, 3, 4, 5, 6, 0].map((d) => (
              <label key={d} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name="weekdays" value={d} defaultChecked={has("weekdays", d)} aria-invalid={weekdays.error ? true : undefined} />{" "}
                {L(`wd.${d}`)}
              </label>
            ))}
          </div>
          <FieldError id={weekdays.describedBy} error={weekdays.error} />
          <TextField label={L("exceptions")} name="exceptionDates" defaultValue={v.exceptionDates} />
        </fieldset>
        {[["roomIds", "rooms", rooms] as const, ["resourceIds", "resources", resources] as const].map(([field, label, options]) =>
          options.length ? (
            <fieldset key={field} className="rounded border border-slate-200 p-3" aria-describedby={groupError(field).describedBy}>
              <legend className="px-1 text-sm font-medium">{L(label)}</legend>
              <div className="flex flex-wrap gap-3">
                {options.map((o) => (
                  <label key={o.id} className="flex items-center gap-1">
                    <input
                      type="checkbox"
                      name={field}
                      value={o.id}
                      defaultChecked={has(field, o.id)}
                      aria-invalid={groupError(field).error ? true : undefined}
                    />{" "}
                    {o.name}
                  </label>
                ))}
              </div>
              <FieldError id={groupError(field).describedBy} error={groupError(field).error} />
            </fieldset>
          ) : null,
        )}
        <TextField label={L("things")} name="thingNumbers" defaultValue={v.thingNumbers} />
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField label={L("responsible")} name="responsible" inputMode="numeric" defaultValue={v.responsible} />
          <SelectField label={L("visibility")} name="visibility" defaultValue={v.visibility || "members"}>
            <option value="members">{L("visibility.members")}</option>
            <option value="public">{L("visibility.public")}</option>
          </SelectField>
          <TextField label={L("capacity")} name="capacity" type="number" min={1} max={10000} defaultValue={v.capacity} />
        </div>
        <SubmitButton>{L("submit")}</SubmitButton>
      </FormResultContext>
    </form>
  );
}
