"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Deleting a row; the domain refuses when something still refers to it and the reason shows next to the button. */
export function DeleteButton({
  action,
  label,
  name,
}: {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  label: string;
  name: string;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2" aria-label={`${label}: ${name}`}>
      <FormMessage result={result} />
      <ConfirmButton disabled={pending}>{label}</ConfirmButton>
    </form>
  );
}
