"use client";

import { useActionState, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { useRestoredValues } from "./action-form";
import { FormMessage } from "./form-message";
import { FormResultContext } from "./form-result-context";

/** What an action that creates a secret answers (defineAction's `secret`): it travels to the browser once, in this answer only. */
export type SecretActionResult = ActionResult;

interface Props {
  action: (previous: SecretActionResult | null, formData: FormData) => Promise<SecretActionResult>;
  children: ReactNode;
  label: string;
  /** Label of the read-only field that shows the new secret. */
  secretLabel: string;
  /** What to do with it, read with the field (e.g. how a room's feed address is made from it). */
  secretHint?: string;
  className?: string;
}

/** A form like ActionForm that shows a newly created secret (token, signing key) once, ready to copy. */
export function SecretOnceForm({ action, children, label, secretLabel, secretHint, className }: Props) {
  const [result, formAction] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useRestoredValues(ref, result);
  const secret = result?.ok ? result.secret : undefined;
  return (
    <form ref={ref} action={formAction} className={className} aria-label={label}>
      <FormMessage result={result} />
      {secret && (
        <div className="rounded border border-amber-300 bg-amber-50 p-3">
          <label htmlFor="new-secret" className="mb-1 block text-sm font-medium">
            {secretLabel}
          </label>
          <input
            id="new-secret"
            readOnly
            value={secret}
            data-testid="new-secret"
            aria-describedby={secretHint ? "new-secret-hint" : undefined}
            onFocus={(e) => e.currentTarget.select()}
            className="block w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
          />
          {secretHint && (
            <p id="new-secret-hint" className="mt-1 text-xs text-slate-600">
              {secretHint}
            </p>
          )}
        </div>
      )}
      <FormResultContext value={result}>{children}</FormResultContext>
    </form>
  );
}
