"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";

export interface BackupNowProps {
  action: FormAction;
  /** The backup in progress: null when none; done/total null while it starts. */
  running: { text: string; done: number | null; total: number | null } | null;
  /** What the last backup started from here (or by hand) came to, in words. */
  last: { text: string; failed: boolean } | null;
  labels: { button: string; progress: string };
}

/** The button, then the progress of a running backup; the page is re-read every second while one runs. */
export function BackupNow({ action, running, last, labels }: BackupNowProps) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1_000);
    return () => clearInterval(timer);
  }, [running, router]);
  return (
    <div className="space-y-2">
      <ActionForm action={action} label={labels.button} messageAt="bottom" className="flex flex-wrap items-center gap-3">
        <StartButton busy={running !== null}>{labels.button}</StartButton>
      </ActionForm>
      {running ? (
        <div role="status" className="space-y-1 text-sm" data-testid="backup-progress">
          <p>{running.text}</p>
          <progress className="h-2 w-full max-w-md" aria-label={labels.progress} {...(running.total ? { max: running.total, value: running.done ?? 0 } : {})} />
        </div>
      ) : (
        last && (
          <p className={`text-sm ${last.failed ? "text-red-800" : "text-slate-700"}`} data-testid="backup-last">
            {last.text}
          </p>
        )
      )}
    </div>
  );
}

function StartButton({ busy, children }: { busy: boolean; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={pending || busy} className="text-sm">
      {children}
    </Button>
  );
}
