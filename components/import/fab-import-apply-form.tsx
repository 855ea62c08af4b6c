"use client";

import Link from "next/link";
import { useActionState } from "react";
import { buttonClass, linkClass } from "@/components/ui/styles";
import { FormMessage } from "../forms/form-message";
import type { ActionResult } from "@/lib/web/action-result";
import type { ReportView } from "@/lib/domain/import/fabomatic/describe-report";
import { ImportReportView } from "./import-report-view";

export interface ApplyState {
  result: ActionResult | null;
  report?: ReportView;
  createdPersonIds?: number[];
}

/** Step 2: the admin saw the dry run and applies it; the import's own report replaces the button. */
export function FabImportApplyForm({
  action,
  uploadId,
  labels,
  dryRun,
}: {
  action: (state: ApplyState, form: FormData) => Promise<ApplyState>;
  uploadId: number;
  /** invite: the last step's link, to invite the people the import brought (they have no login yet). */
  labels: { apply: string; resultTitle: string; dryRunTitle: string; invite: string };
  dryRun: ReportView;
}) {
  const [state, formAction, pending] = useActionState(action, { result: null });
  if (state.report) {
    return (
      <div className="space-y-4">
        <FormMessage result={state.result} />
        <ImportReportView view={state.report} title={labels.resultTitle} />
        <p>
          <Link href="/admin/people/invite" className={linkClass}>
            {labels.invite}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <FormMessage result={state.result} />
      <ImportReportView view={dryRun} title={labels.dryRunTitle} />
      {!dryRun.nothingToDo && (
        <form action={formAction}>
          <input type="hidden" name="uploadId" value={uploadId} />
          <button type="submit" className={buttonClass} disabled={pending}>
            {labels.apply}
          </button>
        </form>
      )}
    </div>
  );
}
