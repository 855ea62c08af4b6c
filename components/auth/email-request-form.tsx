"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { FormResultContext } from "../forms/form-result-context";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "@/components/ui/field";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  labels: { email: string; submit: string };
}

export function EmailRequestForm({ action, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage result={result} />
      {/* A refused address stays typed, its message beside it. */}
      <FormResultContext value={result}>
        <TextField
          key={JSON.stringify(result)}
          label={labels.email}
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.ok ? "" : result?.values?.email}
        />
      </FormResultContext>
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
