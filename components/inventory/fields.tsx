import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const inputClass =
  "block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-amber-500 focus:outline-none focus:ring-2 focus:ring-amber-200";

export function SelectField({ label, name, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; name: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={`field-${name}`} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={`field-${name}`} name={name} className={inputClass} {...rest}>
        {children}
      </select>
    </div>
  );
}

export function TextAreaField({ label, name, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string }) {
  return (
    <div>
      <label htmlFor={`field-${name}`} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea id={`field-${name}`} name={name} rows={3} className={inputClass} {...rest} />
    </div>
  );
}

export const buttonClass = "rounded bg-slate-800 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60";
export const linkButtonClass = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
