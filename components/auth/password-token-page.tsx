import type { ComponentProps, ReactNode } from "react";
import { ResetPasswordForm } from "./reset-password-form";
import { PageTitle } from "@/components/ui/page-title";

const TONE = { red: "border-red-300 bg-red-50 text-red-900", amber: "border-amber-300 bg-amber-50 text-amber-900" };

interface Props {
  title: string;
  intro?: string;
  /** The password form while the mailed link works; null when it does not. */
  form: ComponentProps<typeof ResetPasswordForm> | null;
  /** Why the link does not work, and the way on (a new link, the login). */
  unusable: { message: string; tone: keyof typeof TONE; next: ReactNode };
}

/** Where a mailed single-use link leads to set a password: a new password after "forgot", an invitation's first one. */
export function PasswordTokenPage({ title, intro, form, unusable }: Props) {
  return (
    <section className="mx-auto max-w-sm space-y-6">
      <PageTitle>{title}</PageTitle>
      {form ? (
        <>
          {intro && <p className="text-slate-700">{intro}</p>}
          <ResetPasswordForm {...form} />
        </>
      ) : (
        <div className="space-y-4">
          <p role="alert" className={`rounded border px-3 py-2 text-sm ${TONE[unusable.tone]}`}>
            {unusable.message}
          </p>
          {unusable.next}
        </div>
      )}
    </section>
  );
}
