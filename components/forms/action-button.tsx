"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

/** A one-button form for a (bound) server action, showing its answer: "send a test mail", "cancel the event". */
export function ActionButton({ action, label }: { action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>; label: string }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage result={result} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}
