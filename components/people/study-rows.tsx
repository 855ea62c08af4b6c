"use client";

import { useContext } from "react";
import { FormResultContext, useFieldError } from "@/components/forms/form-result-context";
import { FieldError } from "@/components/ui/field";
import { fieldError } from "@/lib/web/action-result";
import { inputClass, labelClass } from "@/components/ui/styles";

export interface StudyRow {
  field: string;
  startYear: number | null;
  endYear: number | null;
}

interface Props {
  legend: string;
  hint: string;
  /** `rows`: each line's name ("Study 1" …), for the person's lines and the two empty ones. */
  labels: { field: string; start: string; end: string; rows: string[] };
  /** The fields people may choose (active ones, and a retired one the person already has). */
  choices: string[];
  rows: StudyRow[];
}

const PARTS = ["field", "start", "end"] as const;

/**
 * Fields of study, one line each: the field chosen from the admins' list (typing searches it: a datalist, so it
 * works without JavaScript too) with start and end year. Two empty lines for new ones; an emptied line goes.
 */
export function StudyRows({ legend, hint, labels, choices, rows }: Props) {
  const error = useFieldError("studies");
  // A line's own fault (its years, its field) is named beside that line: the action keys it by the field's id.
  const result = useContext(FormResultContext);
  const lineError = (id: string) => fieldError(result, id);
  const described = (id: string) => (lineError(id) ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {});
  const lines = [...rows, { field: "", startYear: null, endYear: null }, { field: "", startYear: null, endYear: null }];
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={["studies-hint", error ? "studies-error" : ""].filter(Boolean).join(" ")}
      aria-invalid={error ? true : undefined}
    >
      <legend className={labelClass}>{legend}</legend>
      <p id="studies-hint" className="text-xs text-slate-500">
        {hint}
      </p>
      <FieldError id="studies-error" error={error} />
      <datalist id="study-field-choices">
        {choices.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {lines.map((row, i) => {
        const name = labels.rows[i] ?? String(i + 1);
        return (
          <div key={i} role="group" aria-label={name} className="grid gap-2 sm:grid-cols-[1fr_8rem_8rem]">
            <div>
              <label htmlFor={`study-field-${i}`} className="sr-only">{`${labels.field} (${name})`}</label>
              <input
                id={`study-field-${i}`}
                {...described(`study-field-${i}`)}
                name="study.field"
                list="study-field-choices"
                defaultValue={row.field}
                placeholder={labels.field}
                autoComplete="off"
                maxLength={200}
                className={inputClass}
              />
            </div>
            <div>
              <label htmlFor={`study-start-${i}`} className="sr-only">{`${labels.start} (${name})`}</label>
              <input
                id={`study-start-${i}`}
                {...described(`study-start-${i}`)}
                name="study.start"
                type="number"
                min={1900}
                max={2200}
                defaultValue={row.startYear ?? ""}
                placeholder={labels.start}
                className={inputClass}
              />
            </div>
            <div>
              <label htmlFor={`study-end-${i}`} className="sr-only">{`${labels.end} (${name})`}</label>
              <input
                id={`study-end-${i}`}
                {...described(`study-end-${i}`)}
                name="study.end"
                type="number"
                min={1900}
                max={2200}
                defaultValue={row.endYear ?? ""}
                placeholder={labels.end}
                className={inputClass}
              />
            </div>
            {PARTS.some((part) => lineError(`study-${part}-${i}`)) && (
              <div className="sm:col-span-3">
                {PARTS.map((part) => (
                  <FieldError key={part} id={`study-${part}-${i}-error`} error={lineError(`study-${part}-${i}`)} />
                ))}
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
