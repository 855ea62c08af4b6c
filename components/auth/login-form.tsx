"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "@/components/ui/field";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

interface Props {
  action: Action;
  /** Mails a new confirmation link; offered when the login says the address is not confirmed yet. */
  resendAction: Action;
  labels: { email: string; password: string; submit: string; resend: string };
  /** Where to go after logging in (already checked to be a path on this site). */
  next: string;
}

export function LoginForm({ action, resendAction, labels, next }: Props) {
  const [result, formAction] = useActionState(action, null);
  const email = result?.ok === false ? result.values?.email : undefined;
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4">
        <FormMessage result={result} />
        <input type="hidden" name="next" value={next} />
        <TextField label={labels.email} name="email" type="email" autoComplete="username" defaultValue={email} required autoFocus />
        <TextField label={labels.password} name="password" type="password" autoComplete="current-password" required />
        <SubmitButton>{labels.submit}</SubmitButton>
      </form>
      {result?.ok === false && result.code === "unconfirmed" && email && <ResendForm action={resendAction} email={email} label={labels.resend} />}
    </div>
  );
}

function ResendForm({ action, email, label }: { action: Action; email: string; label: string }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2 rounded border border-amber-200 bg-amber-50 p-3">
      <FormMessage result={result} />
      <input type="hidden" name="email" value={email} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}
