"use client";

import Link from "next/link";
import { useActionState } from "react";
import { linkClass } from "@/components/ui/styles";
import { FormMessage } from "../forms/form-message";
import type { ActionResult } from "@/lib/web/action-result";
import type { ReportView } from "@/lib/domain/import/fabomatic/describe-report";
import { ImportReportView } from "./import-report-view";
import { Button } from "@/components/ui/button";

/** What the apply action hands back with its message: the import's own report. */
export interface AppliedImport {
  report: ReportView;
}

/** Step 2: the admin saw the dry run and applies it; the import's own report replaces the button. */
export function FabImportApplyForm({
  action,
  labels,
  dryRun,
}: {
  /** The upload's apply action (defineAction, its upload id bound). */
  action: (previous: ActionResult<AppliedImport> | null, form: FormData) => Promise<ActionResult<AppliedImport>>;
  /** invite: the last step's link, to invite the people the import brought (they have no login yet). */
  labels: { apply: string; resultTitle: string; dryRunTitle: string; invite: string };
  dryRun: ReportView;
}) {
  const [result, formAction, pending] = useActionState(action, null);
  const applied = result?.ok ? result.data : undefined;
  if (applied) {
    return (
      <div className="space-y-4">
        <FormMessage result={result} />
        <ImportReportView view={applied.report} title={labels.resultTitle} />
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
      <FormMessage result={result} />
      <ImportReportView view={dryRun} title={labels.dryRunTitle} />
      {!dryRun.nothingToDo && (
        <form action={formAction}>
          <Button type="submit" disabled={pending}>
            {labels.apply}
          </Button>
        </form>
      )}
    </div>
  );
}
