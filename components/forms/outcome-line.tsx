"use client";

import { createContext, useCallback, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "./form-message";

/**
 * Where the forms inside report a success, when their answer swaps the form itself away (lend → take back):
 * ActionForm hands its confirmation up, so the line outside the swapped forms keeps showing it.
 */
export const OutcomeLineContext = createContext<((result: ActionResult) => void) | null>(null);

/** A status line above forms that replace each other; the last confirmation stays readable after the swap. */
export function OutcomeLine({ children, className }: { children: ReactNode; className?: string }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  // A refusal is shown by its own form, beside its fields; it clears an earlier confirmation here.
  const report = useCallback((next: ActionResult) => setResult(next.ok && next.message ? next : null), []);
  return (
    <div className={className}>
      {/* The live region exists before any message, so screen readers announce what appears in it. */}
      <div aria-live="polite" className="empty:hidden">
        {result && <FormMessage result={result} />}
      </div>
      <OutcomeLineContext value={report}>{children}</OutcomeLineContext>
    </div>
  );
}
