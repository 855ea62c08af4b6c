"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { fieldError, type ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";
import { FieldError, TextField } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

interface Props {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  machines: { id: number; name: string }[];
  initial: Record<string, string>;
  labels: { machine: string; starts: string; ends: string; note: string; submit: string; hint: string };
  /** On the booking page the address follows the chosen machine, so the list of its bookings below shows that one. */
  followMachine?: boolean;
}

export function BookingForm({ action, machines, initial, labels, followMachine }: Props) {
  const [result, formAction] = useActionState(action, null);
  const router = useRouter();
  // Keyed by the answer, not by `initial`: the page re-rendering for another machine must not wipe typed times.
  const v = result?.values ?? initial;
  const machineError = fieldError(result, "machineId");
  return (
    <form action={formAction} className="max-w-xl space-y-3" key={JSON.stringify(result?.values ?? null)} noValidate>
      <FormMessage result={result} />
      <div>
        <label htmlFor="field-machineId" className="mb-1 block text-sm font-medium">
          {labels.machine}
        </label>
        <Select
          id="field-machineId"
          name="machineId"
          defaultValue={v.machineId}
          aria-invalid={machineError ? true : undefined}
          aria-describedby={machineError ? "field-machineId-error" : undefined}
          onChange={followMachine ? (e) => router.replace(`?machine=${encodeURIComponent(e.target.value)}`, { scroll: false }) : undefined}
        >
          {machines.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
        <FieldError id="field-machineId-error" error={machineError} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={labels.starts}
          name="startsAt"
          type="datetime-local"
          required
          defaultValue={v.startsAt}
          hint={labels.hint}
          error={fieldError(result, "startsAt")}
        />
        <TextField label={labels.ends} name="endsAt" type="datetime-local" required defaultValue={v.endsAt} error={fieldError(result, "endsAt")} />
      </div>
      <TextField label={labels.note} name="note" maxLength={500} defaultValue={v.note} error={fieldError(result, "note")} />
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
