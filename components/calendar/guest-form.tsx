"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { FormResultContext } from "@/components/forms/form-result-context";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "@/components/ui/field";

interface Props {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  labels: { name: string; email: string; submit: string };
}

export function GuestForm({ action, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  const values = result && !result.ok ? result.values : undefined;
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage result={result} />
      <FormResultContext value={result}>
        <TextField
          key={`name-${JSON.stringify(result)}`}
          label={labels.name}
          name="name"
          required
          maxLength={200}
          defaultValue={values?.name}
          autoComplete="name"
        />
        <TextField
          key={`email-${JSON.stringify(result)}`}
          label={labels.email}
          name="email"
          type="email"
          required
          maxLength={320}
          defaultValue={values?.email}
          autoComplete="email"
        />
      </FormResultContext>
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
