"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  token: string;
  labels: { submit: string; toLogin: string };
}

/** Confirming is a POST behind a button: mail scanners that open the link must not confirm by visiting it. */
export function ConfirmSignupForm({ action, token, labels }: Props) {
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
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
