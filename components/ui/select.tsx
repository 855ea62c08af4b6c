import type { SelectHTMLAttributes } from "react";
import { inputClass } from "./styles";

/*
 * A <select>, the only place its classes are written (`select.test.ts` refuses a hand-made copy). `SelectField`
 * (field.tsx) is this with its label and message; a filter row's select is this beside its own sr-only label.
 */
const LOOKS = {
  /** A form's field: full width, like the text fields around it. */
  field: inputClass,
  /** Beside a filter's other controls (a search box, a button). */
  inline: "rounded border border-slate-300 bg-white px-3 py-2 focus:border-amber-700 focus:outline-none focus:ring-2 focus:ring-amber-700",
  /** In a row of small controls (a table's filter, a time window beside its button). */
  compact: "rounded border border-slate-300 bg-white px-2 py-1 focus:border-amber-700 focus:outline-none focus:ring-2 focus:ring-amber-700",
} as const;

export function Select({ look = "field", className, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & { look?: keyof typeof LOOKS }) {
  return <select {...rest} className={className ? `${LOOKS[look]} ${className}` : LOOKS[look]} />;
}
