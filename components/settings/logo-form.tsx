"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

interface Props {
  upload: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  remove: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  /** Where the current logo is shown from (the uploaded one, the logo address or the default icon). */
  src: string;
  hasUpload: boolean;
  maxBytes: number;
  labels: { title: string; hint: string; file: string; upload: string; remove: string; current: string; tooLarge: string };
}

/** Upload or remove the space's logo; the browser refuses an oversized file before sending it, the server checks again. */
export function LogoForm({ upload, remove, src, hasUpload, maxBytes, labels }: Props) {
  const [uploaded, uploadAction] = useActionState(upload, null);
  const [removed, removeAction] = useActionState(remove, null);
  return (
    <section className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="logo-title">
      <h2 id="logo-title" className="font-semibold">
        {labels.title}
      </h2>
      <FormMessage result={uploaded ?? removed} />
      <div className="flex items-center gap-3 text-sm text-slate-600">
        {/* eslint-disable-next-line @next/next/no-img-element -- a preview of the resized logo */}
        <img src={src} alt={labels.current} width={64} height={64} className="h-16 w-16 rounded border border-slate-200 object-contain" data-testid="logo-preview" />
        <span>{labels.current}</span>
      </div>
      <form action={uploadAction} className="space-y-2">
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
        <SubmitButton>{labels.upload}</SubmitButton>
      </form>
      {hasUpload && (
        <form action={removeAction}>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
            {labels.remove}
          </button>
        </form>
      )}
    </section>
  );
}
