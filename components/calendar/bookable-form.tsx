"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

interface Props {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  initial: { name: string; description: string; machineId: string };
  machines?: { id: number; name: string }[];
  labels: { name: string; description: string; machine: string; noMachine: string; submit: string };
  idPrefix: string;
}

const input = "rounded border border-slate-300 bg-white px-2 py-1";

/** One row of the rooms/resources admin: add or edit inline. */
export function BookableForm({ action, initial, machines, labels, idPrefix }: Props) {
  const [result, formAction] = useActionState(action, null);
  const v = (result && !result.ok && result.values) || initial;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col text-sm" htmlFor={`${idPrefix}-name`}>
        {labels.name}
        <input id={`${idPrefix}-name`} name="name" required maxLength={120} defaultValue={v.name} className={input} />
      </label>
      <label className="flex flex-col text-sm" htmlFor={`${idPrefix}-description`}>
        {labels.description}
        <input id={`${idPrefix}-description`} name="description" maxLength={2000} defaultValue={v.description} className={input} />
      </label>
      {machines && (
        <label className="flex flex-col text-sm" htmlFor={`${idPrefix}-machine`}>
          {labels.machine}
          <Select id={`${idPrefix}-machine`} name="machineId" defaultValue={v.machineId} look="compact">
            <option value="">{labels.noMachine}</option>
            {machines.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </label>
      )}
      <Button type="submit" size="small">
        {labels.submit}
      </Button>
      <div className="w-full">
        <FormMessage result={result} />
      </div>
    </form>
  );
}
