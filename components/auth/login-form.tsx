"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "@/components/ui/field";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  labels: { email: string; password: string; submit: string };
  /** Where to go after logging in (already checked to be a path on this site). */
  next: string;
}

export function LoginForm({ action, labels, next }: Props) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage result={result} />
      <input type="hidden" name="next" value={next} />
      <TextField
        label={labels.email}
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={result?.ok === false ? result.values?.email : undefined}
        required
        autoFocus
      />
      <TextField label={labels.password} name="password" type="password" autoComplete="current-password" required />
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
