"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";
import { ConfirmButton } from "../ui/confirm-button";

/**
 * A one-button form for a (bound) server action, showing its answer: "send a test mail", "cancel the event". A
 * destructive one passes `confirm`, the question its ConfirmButton asks first (and `detail` under it).
 */
export function ActionButton({
  action,
  label,
  confirm,
  detail,
}: {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  label: string;
  confirm?: string;
  detail?: string;
}) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage result={result} />
      {confirm ? (
        <ConfirmButton question={confirm} detail={detail}>
          {label}
        </ConfirmButton>
      ) : (
        <SubmitButton>{label}</SubmitButton>
      )}
    </form>
  );
}
