"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";
import { Card } from "../ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";

interface Props {
  /** Uploads the file, or removes the logo when the form says intent=remove. */
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  /** Where the current logo is shown from (the uploaded one, the logo address or the default icon). */
  src: string;
  hasUpload: boolean;
  maxBytes: number;
  labels: { title: string; hint: string; file: string; upload: string; remove: string; removeConfirm: string; current: string; tooLarge: string };
}

/** Upload or remove the space's logo; the browser refuses an oversized file before sending it, the server checks again. */
export function LogoForm({ action, src, hasUpload, maxBytes, labels }: Props) {
  // One form and one result, so the message shown is always the outcome of the last click.
  const [result, formAction] = useActionState(action, null);
  return (
    <Card id="logo-title" title={labels.title} className="space-y-3">
      <FormMessage result={result} />
      <div className="flex items-center gap-3 text-sm text-slate-600">
        {/* eslint-disable-next-line @next/next/no-img-element -- a preview of the resized logo */}
        <img
          src={src}
          alt={labels.current}
          width={64}
          height={64}
          className="h-16 w-16 rounded border border-slate-200 object-contain"
          data-testid="logo-preview"
        />
        <span>{labels.current}</span>
      </div>
      <form action={formAction} className="space-y-2">
        <label htmlFor="field-logo" className="block text-sm font-medium text-slate-700">
          {labels.file}
        </label>
        <input
          id="field-logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          required
          aria-describedby="field-logo-hint"
          className="block w-full text-sm"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            input.setCustomValidity(file && file.size > maxBytes ? labels.tooLarge : "");
            input.reportValidity();
          }}
        />
        <p id="field-logo-hint" className="text-xs text-slate-500">
          {labels.hint}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{labels.upload}</SubmitButton>
          {hasUpload && (
            <ConfirmButton name="intent" value="remove" formNoValidate look="secondary" question={labels.removeConfirm}>
              {labels.remove}
            </ConfirmButton>
          )}
        </div>
      </form>
    </Card>
  );
}
