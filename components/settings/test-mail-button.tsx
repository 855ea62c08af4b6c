"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

export function TestMailButton({ action, label }: { action: () => Promise<ActionResult>; label: string }) {
  const [result, formAction] = useActionState(async () => action(), null);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage result={result} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}
