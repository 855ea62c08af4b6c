import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const inputClass =
  "block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-amber-500 focus:outline-none focus:ring-2 focus:ring-amber-200";
const labelClass = "mb-1 block text-sm font-medium text-slate-700";

export const buttonClass = "rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60";
export const secondaryButtonClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
export const cardClass = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6";
export const linkClass = "text-amber-700 underline hover:text-amber-900";

type Select = SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; children: ReactNode };

/** Field ids default to the name; pass `id` when one page holds several forms with the same field. */
export function SelectField({ label, name, id, children, ...rest }: Select) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div>
      <label htmlFor={fieldId} className={labelClass}>
        {label}
      </label>
      <select id={fieldId} name={name} className={inputClass} {...rest}>
        {children}
      </select>
    </div>
  );
}

export function TextAreaField({ label, name, id, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string }) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div>
      <label htmlFor={fieldId} className={labelClass}>
        {label}
      </label>
      <textarea id={fieldId} name={name} rows={3} className={inputClass} {...rest} />
    </div>
  );
}

export function CheckboxField({ label, name, id, ...rest }: InputHTMLAttributes<HTMLInputElement> & { label: string; name: string }) {
  const fieldId = id ?? `field-${name}`;
  return (
    <div className="flex items-center gap-2">
      <input id={fieldId} name={name} type="checkbox" className="h-4 w-4 rounded border-slate-300" {...rest} />
      <label htmlFor={fieldId} className="text-sm text-slate-700">
        {label}
      </label>
    </div>
  );
}
