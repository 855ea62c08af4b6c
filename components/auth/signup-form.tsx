"use client";

import { useActionState } from "react";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import type { ActionResult } from "@/lib/web/action-result";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "@/components/ui/field";
import { labelClass } from "@/components/ui/styles";
import { Select } from "@/components/ui/select";

interface Props {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  minLength: number;
  locale: Locale;
  labels: {
    firstName: string;
    lastName: string;
    email: string;
    password: string;
    hint: string;
    language: string;
    submit: string;
    languages: Partial<Record<Locale, string>>;
  };
}

/** After a successful sign-up only the "check your mail" message stays; on a refusal the typed values come back. */
export function SignupForm({ action, minLength, locale, labels }: Props) {
  const [result, formAction] = useActionState(action, null);
  if (result?.ok) return <FormMessage result={result} />;
  const back = result?.ok === false ? result.values : undefined;
  return (
    <form action={formAction} className="space-y-4" aria-label={labels.submit}>
      <FormMessage result={result} />
      <TextField label={labels.firstName} name="firstName" autoComplete="given-name" maxLength={100} defaultValue={back?.firstName} required />
      <TextField label={labels.lastName} name="lastName" autoComplete="family-name" maxLength={100} defaultValue={back?.lastName} required />
      <TextField label={labels.email} name="email" type="email" autoComplete="email" maxLength={320} defaultValue={back?.email} required />
      <TextField label={labels.password} name="password" type="password" autoComplete="new-password" minLength={minLength} hint={labels.hint} required />
      <div>
        <label htmlFor="field-preferredLanguage" className={labelClass}>
          {labels.language}
        </label>
        <Select id="field-preferredLanguage" name="preferredLanguage" defaultValue={back?.preferredLanguage ?? locale}>
          {LOCALES.filter((l) => labels.languages[l]).map((l) => (
            <option key={l} value={l}>
              {labels.languages[l]}
            </option>
          ))}
        </Select>
      </div>
      <SubmitButton>{labels.submit}</SubmitButton>
    </form>
  );
}
