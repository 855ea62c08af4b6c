import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; hint?: string; error?: string };

/**
 * The hint sits outside the <label> (linked by aria-describedby) so the field's accessible name is just the label.
 * A refusal of this field (`error`) is shown right under it, marks it aria-invalid and is read with it.
 */
export function TextField({ label, name, hint, error, className, id, ...input }: Props) {
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const border = error ? "border-red-600" : "border-slate-300";
  return (
    <div>
      <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={fieldId}
        name={name}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        className={`block w-full rounded border ${border} bg-white px-3 py-2 text-base shadow-sm focus:border-amber-500 focus:outline-none focus:ring-2 focus:ring-amber-200 ${className ?? ""}`}
        {...input}
      />
      <FieldError id={errorId} error={error} />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A field's refusal in words, under the field (its id is what the field's aria-describedby points at). */
export function FieldError({ id, error }: { id?: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {error}
    </p>
  );
}
