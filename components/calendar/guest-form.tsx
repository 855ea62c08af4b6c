"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
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
      <TextField label={labels.name} name="name" required maxLength={200} defaultValue={values?.name} autoComplete="name" />
      <TextField label={labels.email} name="email" type="email" required maxLength={320} defaultValue={values?.email} autoComplete="email" />
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
