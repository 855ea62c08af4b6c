"use client";

import { createContext, useContext, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useFieldError } from "../forms/form-result-context";
import { inputClass, labelClass } from "./styles";
import { Select } from "./select";

/*
 * Form fields. Inside an ActionForm each shows the action's message for its name beside it (aria-invalid, linked by
 * aria-describedby), so a refusal points at the field to fix. Ids default to `field-<name>`; pass `id` when one page
 * holds several forms with the same field. A hint sits outside the <label> so the accessible name is just the label.
 */

interface Common {
  label: string;
  name: string;
  hint?: string;
  /** The field's refusal when the form is not an ActionForm (a client form with its own useActionState). */
  error?: string;
}

/** The refusal of the group a field is in (FieldGroup), when the action refused the group as a whole. */
const GroupError = createContext<{ errorId: string } | null>(null);

function useDescription(fieldId: string, name: string, hint: string | undefined, explicit: string | undefined) {
  const fromForm = useFieldError(name);
  const group = useContext(GroupError);
  const error = explicit ?? fromForm;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  // The refusal is read first: it is what the person has to act on.
  const describedBy = [errorId, group?.errorId, hintId].filter(Boolean).join(" ") || undefined;
  const aria = { "aria-describedby": describedBy, "aria-invalid": error || group ? true : undefined };
  const below = (
    <>
      <FieldError id={errorId} error={error} />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </>
  );
  return { aria, below };
}

/** The label above the control, the refusal and hint below it: the frame of every field but the checkbox. */
function Labelled({ fieldId, label, below, children }: { fieldId: string; label: string; below: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={fieldId} className={labelClass}>
        {label}
      </label>
      {children}
      {below}
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

export function TextField({ label, name, hint, error, className, id, ...input }: InputHTMLAttributes<HTMLInputElement> & Common) {
  const fieldId = id ?? `field-${name}`;
  const { aria, below } = useDescription(fieldId, name, hint, error);
  return (
    <Labelled fieldId={fieldId} label={label} below={below}>
      <input id={fieldId} name={name} className={`${inputClass} ${className ?? ""}`} {...aria} {...input} />
    </Labelled>
  );
}

export function SelectField({ label, name, hint, error, id, children, ...rest }: SelectHTMLAttributes<HTMLSelectElement> & Common & { children: ReactNode }) {
  const fieldId = id ?? `field-${name}`;
  const { aria, below } = useDescription(fieldId, name, hint, error);
  return (
    <Labelled fieldId={fieldId} label={label} below={below}>
      <Select id={fieldId} name={name} {...aria} {...rest}>
        {children}
      </Select>
    </Labelled>
  );
}

export function TextAreaField({ label, name, hint, error, id, ...rest }: TextareaHTMLAttributes<HTMLTextAreaElement> & Common) {
  const fieldId = id ?? `field-${name}`;
  const { aria, below } = useDescription(fieldId, name, hint, error);
  return (
    <Labelled fieldId={fieldId} label={label} below={below}>
      <textarea id={fieldId} name={name} rows={3} className={inputClass} {...aria} {...rest} />
    </Labelled>
  );
}

export function CheckboxField({ label, name, hint, error, id, ...rest }: InputHTMLAttributes<HTMLInputElement> & Common) {
  const fieldId = id ?? `field-${name}`;
  const { aria, below } = useDescription(fieldId, name, hint, error);
  return (
    <div>
      <div className="flex items-center gap-2">
        <input id={fieldId} name={name} type="checkbox" className="h-4 w-4 rounded border-slate-300" {...aria} {...rest} />
        <label htmlFor={fieldId} className="text-sm text-slate-700">
          {label}
        </label>
      </div>
      {below}
    </div>
  );
}

/**
 * Checkboxes or radios the action reads as one field (a webhook's events, a vote's choice): `name` is the action's
 * field (its error key, e.g. "events" for inputs named "event"). Its refusal sits under the legend; the fieldset and
 * every input in it (CheckboxField, GroupInput) are described by it and marked invalid.
 */
export function FieldGroup({
  name,
  legend,
  id,
  className,
  legendClassName = "mb-1 text-sm font-medium text-slate-700",
  children,
}: {
  name: string;
  legend: ReactNode;
  id?: string;
  className?: string;
  legendClassName?: string;
  children?: ReactNode;
}) {
  const error = useFieldError(name);
  const errorId = `${id ?? `group-${name}`}-error`;
  return (
    <fieldset className={className} aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className={legendClassName}>{legend}</legend>
      {error && (
        <div className="col-span-full">
          <FieldError id={errorId} error={error} />
        </div>
      )}
      <GroupError.Provider value={error ? { errorId } : null}>{children}</GroupError.Provider>
    </fieldset>
  );
}

/** A plain checkbox or radio inside a FieldGroup: described by the group's refusal and marked invalid with it. */
export function GroupInput(props: InputHTMLAttributes<HTMLInputElement>) {
  const group = useContext(GroupError);
  return <input {...props} aria-describedby={group?.errorId} aria-invalid={group ? true : undefined} />;
}
