"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";

interface Row {
  id: number;
  machine: string;
  when: string;
  note: string;
  /** "Cancel LASER 1, 15 Dec 2026, 10:00–11:00?" */
  confirm: string;
}

interface Props {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  rows: Row[];
  labels: { none: string; cancel: string; yes: string; keep: string };
}

/**
 * One's own bookings. Cancelling asks first, in a dialog ("Cancel LASER 1, 15 Dec 10:00–11:00?") and the answer stays above the
 * list, since the cancelled row itself goes away.
 */
export function MyBookings({ action, rows, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  return (
    <div className="space-y-2">
      <FormMessage result={result} />
      {rows.length === 0 ? (
        <EmptyState>{labels.none}</EmptyState>
      ) : (
        <ul className="space-y-2">
          {rows.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-2">
              <span>
                {b.machine}: {b.when}
              </span>
              {b.note && <span className="text-sm text-slate-600">{b.note}</span>}
              <form action={formAction}>
                <input type="hidden" name="bookingId" value={b.id} />
                <ConfirmButton look="secondary" question={b.confirm} yes={labels.yes} no={labels.keep}>
                  {labels.cancel}
                </ConfirmButton>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
