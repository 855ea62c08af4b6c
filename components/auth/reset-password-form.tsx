"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  token: string;
  minLength: number;
  labels: { password: string; confirm: string; hint: string; submit: string; toLogin: string };
}

export function ResetPasswordForm({ action, token, minLength, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage result={result} />
        <Link href="/login" className="inline-block rounded bg-slate-800 px-4 py-2 text-white hover:bg-slate-700">
          {labels.toLogin}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage result={result} />
      <input type="hidden" name="token" value={token} />
      <TextField label={labels.password} name="password" type="password" autoComplete="new-password" minLength={minLength} hint={labels.hint} required />
      <TextField label={labels.confirm} name="confirm" type="password" autoComplete="new-password" minLength={minLength} required />
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
