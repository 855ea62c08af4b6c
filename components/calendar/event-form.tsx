"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "@/components/ui/field";

type Option = { id: number; name: string };

interface Props {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  initial: Record<string, string>;
  rooms: Option[];
  resources: Option[];
  timeZones: string[];
  labels: Record<string, string>;
}

const box = "block w-full rounded border border-slate-300 bg-white px-3 py-2";

/** Create/edit an event; a refused save comes back with every field as typed. */
export function EventForm({ action, initial, rooms, resources, timeZones, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  const v = (result && !result.ok && result.values) || initial;
  const has = (field: string, id: number | string) => (v[field] ?? "").split(",").includes(String(id));
  const L = (k: string) => labels[k] ?? k;
  return (
    <form action={formAction} className="max-w-2xl space-y-4" key={JSON.stringify(v)}>
      <FormMessage result={result} />
      <TextField label={L("title")} name="title" required maxLength={200} defaultValue={v.title} />
      <div>
        <label htmlFor="field-description" className="mb-1 block text-sm font-medium">{L("description")}</label>
        <textarea id="field-description" name="description" rows={5} maxLength={20000} defaultValue={v.description} className={box} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={L("starts")} name="startsAt" type="datetime-local" required defaultValue={v.startsAt} />
        <TextField label={L("ends")} name="endsAt" type="datetime-local" required defaultValue={v.endsAt} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="field-timeZone" className="mb-1 block text-sm font-medium">{L("timeZone")}</label>
          <select id="field-timeZone" name="timeZone" defaultValue={v.timeZone} className={box}>
            {timeZones.map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        </div>
        <label className="flex items-center gap-2 pt-6">
          <input type="checkbox" name="allDay" defaultChecked={v.allDay === "on"} /> {L("allDay")}
        </label>
      </div>
      <fieldset className="space-y-2 rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{L("repeat")}</legend>
        <select name="freq" aria-label={L("repeat")} defaultValue={v.freq} className={box}>
          <option value="">{L("repeat.none")}</option>
          <option value="weekly">{L("repeat.weekly")}</option>
          <option value="monthly">{L("repeat.monthly")}</option>
        </select>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextField label={L("interval")} name="interval" type="number" min={1} max={52} defaultValue={v.interval || "1"} />
          <TextField label={L("until")} name="until" type="date" defaultValue={v.until} />
          <TextField label={L("count")} name="count" type="number" min={1} max={1000} defaultValue={v.count} />
        </div>
        <div className="flex flex-wrap gap-3" role="group" aria-label={L("weekdays")}>
          <span className="text-sm">{L("weekdays")}:</span>
          {[1, 2, 3, 4, 5, 6, 0].map((d) => (
            <label key={d} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="weekdays" value={d} defaultChecked={has("weekdays", d)} /> {L(`wd.${d}`)}
            </label>
          ))}
        </div>
        <TextField label={L("exceptions")} name="exceptionDates" defaultValue={v.exceptionDates} />
      </fieldset>
      {[["roomIds", "rooms", rooms] as const, ["resourceIds", "resources", resources] as const].map(([field, label, options]) =>
        options.length ? (
          <fieldset key={field} className="rounded border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium">{L(label)}</legend>
            <div className="flex flex-wrap gap-3">
              {options.map((o) => (
                <label key={o.id} className="flex items-center gap-1">
                  <input type="checkbox" name={field} value={o.id} defaultChecked={has(field, o.id)} /> {o.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null,
      )}
      <TextField label={L("things")} name="thingNumbers" defaultValue={v.thingNumbers} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label={L("responsible")} name="responsible" inputMode="numeric" defaultValue={v.responsible} />
        <div>
          <label htmlFor="field-visibility" className="mb-1 block text-sm font-medium">{L("visibility")}</label>
          <select id="field-visibility" name="visibility" defaultValue={v.visibility || "members"} className={box}>
            <option value="members">{L("visibility.members")}</option>
            <option value="public">{L("visibility.public")}</option>
          </select>
        </div>
        <TextField label={L("capacity")} name="capacity" type="number" min={1} max={10000} defaultValue={v.capacity} />
      </div>
      <SubmitButton>{L("submit")}</SubmitButton>
    </form>
  );
}
