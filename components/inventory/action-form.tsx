"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  children: ReactNode;
  className?: string;
  label?: string;
}

/**
 * A form whose fields are rendered on the server. React resets a form after its action; on a refusal the
 * typed values come back in result.values and are put back here, so nothing typed is lost.
 */
export function ActionForm({ action, children, className, label }: Props) {
  const [result, formAction] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const form = ref.current;
    if (!form || !result || result.ok || !result.values) return;
    for (const [name, value] of Object.entries(result.values)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement && field.type !== "file") field.value = value;
      else if (field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) field.value = value;
      else if (field instanceof RadioNodeList) field.value = value;
    }
  }, [result]);
  return (
    <form ref={ref} action={formAction} className={className} aria-label={label}>
      <FormMessage result={result} />
      {children}
    </form>
  );
}
