"use client";

import { useActionState, useContext, useEffect, useMemo, useRef, type ReactNode, type RefObject } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "./form-message";
import { FormResultContext } from "./form-result-context";
import { OutcomeLineContext } from "./outcome-line";

/** A server action a form posts to; routes pass theirs in, so components import nothing from app/. */
export type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

interface Props {
  action: FormAction;
  children: ReactNode;
  className?: string;
  /** Accessible name of the form, so tests and screen readers can tell several forms on a page apart. */
  label?: string;
  /** Where the outcome is shown: above the fields (default) or after them, next to an inline button. */
  messageAt?: "top" | "bottom";
}

/**
 * The one form for server actions: fields rendered on the server, the action (made with defineAction) passed in.
 * The outcome shows above the fields, a field's own message beside it (components/ui/field.tsx reads it from
 * FormResultContext). React resets a form after its action; on a refusal the typed values come back in
 * result.values and are put back here, so nothing typed is lost.
 */
export function ActionForm({ action, children, className, label, messageAt = "top" }: Props) {
  // Inside an OutcomeLine a confirmation goes up to it as the answer arrives: the change it made may swap this
  // form away in the same render (lend → take back), and the line outside stays.
  const report = useContext(OutcomeLineContext);
  const reporting = useMemo<FormAction>(
    () =>
      report
        ? async (previous, formData) => {
            const answer = await action(previous, formData);
            report(answer);
            return answer;
          }
        : action,
    [action, report],
  );
  const [result, formAction] = useActionState(reporting, null);
  const ref = useRef<HTMLFormElement>(null);
  useRestoredValues(ref, result);
  const shown = report && result?.ok ? null : result;
  return (
    <form ref={ref} action={formAction} className={className} aria-label={label}>
      {messageAt === "top" && <FormMessage result={shown} />}
      <FormResultContext value={result}>{children}</FormResultContext>
      {messageAt === "bottom" && <FormMessage result={shown} />}
    </form>
  );
}

/** Puts the typed values of a refused submission back into the form (React has reset it). */
export function useRestoredValues(ref: RefObject<HTMLFormElement | null>, result: ActionResult | null) {
  useEffect(() => {
    const form = ref.current;
    if (!form || !result || result.ok || !result.values) return;
    for (const [name, value] of Object.entries(result.values)) {
      const field = form.elements.namedItem(name);
      // A file input cannot be given a value (the browser throws); the person picks the file again.
      if (field instanceof HTMLInputElement && field.type === "file") continue;
      if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === "on";
      else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) field.value = value;
      else if (field instanceof RadioNodeList) field.value = value;
    }
  }, [ref, result]);
}
