"use client";

import { labelClass } from "@/components/ui/styles";

interface Props {
  label: string;
  hint: string;
  tooLarge: string;
  maxBytes: number;
}

/**
 * The browser refuses an oversized photo before uploading it (a body over the server's limit would otherwise
 * end in a generic error page); the server checks size and content again.
 */
export function PhotoInput({ label, hint, tooLarge, maxBytes }: Props) {
  return (
    <div>
      <label htmlFor="field-photo" className={labelClass}>
        {label}
      </label>
      <input
        id="field-photo"
        name="photo"
        type="file"
        accept="image/*"
        aria-describedby="field-photo-hint"
        className="block w-full text-sm"
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.setCustomValidity(file && file.size > maxBytes ? tooLarge : "");
          input.reportValidity();
        }}
      />
      <p id="field-photo-hint" className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
    </div>
  );
}
