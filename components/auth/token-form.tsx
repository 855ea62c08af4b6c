"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { FormResultContext } from "../forms/form-result-context";
import { SubmitButton } from "../forms/submit-button";
import { ButtonLink } from "@/components/ui/button";

export interface TokenFormProps {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  token: string;
  labels: { submit: string; toLogin: string };
  children?: ReactNode;
}

/** A form behind a mailed single-use token (its fields as children); once it succeeds, the way to the login. */
export function TokenForm({ action, token, labels, children }: TokenFormProps) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage result={result} />
        <ButtonLink href="/login">{labels.toLogin}</ButtonLink>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage result={result} />
      <input type="hidden" name="token" value={token} />
      {/* A refused field (the repeated password) shows its message beside it. */}
      <FormResultContext value={result}>{children}</FormResultContext>
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
