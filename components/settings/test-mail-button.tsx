"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function TestMailButton({ action, label }: { action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>; label: string }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage result={result} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}
