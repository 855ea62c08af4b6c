"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

interface Props {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  machines: { id: number; name: string }[];
  initial: Record<string, string>;
  labels: { machine: string; starts: string; ends: string; note: string; submit: string; hint: string };
}

export function BookingForm({ action, machines, initial, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  const v = (result && !result.ok && result.values) || initial;
  return (
    <form action={formAction} className="max-w-xl space-y-3" key={JSON.stringify(v)}>
      <FormMessage result={result} />
      <div>
        <label htmlFor="field-machineId" className="mb-1 block text-sm font-medium">{labels.machine}</label>
        <select id="field-machineId" name="machineId" defaultValue={v.machineId} className="block w-full rounded border border-slate-300 bg-white px-3 py-2">
          {machines.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={labels.starts} name="startsAt" type="datetime-local" required defaultValue={v.startsAt} hint={labels.hint} />
        <TextField label={labels.ends} name="endsAt" type="datetime-local" required defaultValue={v.endsAt} />
      </div>
      <TextField label={labels.note} name="note" maxLength={500} defaultValue={v.note} />
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
