"use client";

import { useId, useLayoutEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useT } from "@/lib/i18n/client";
import { Button, type ButtonLook, type ButtonSize } from "./button";

interface Props {
  /** The button's label, also the dialog's "yes" unless `yes` says otherwise. */
  children: ReactNode;
  /** What the dialog asks ("Delete this location?", "Cancel LASER 1, 15 Dec, 10:00–11:00?"); the label when not given. */
  question?: ReactNode;
  /** Under the question; "This cannot be undone." when not given, nothing when "" (what can be undone, or the question says it all). */
  detail?: ReactNode;
  yes?: ReactNode;
  /** The way back; "No, go back" when not given. */
  no?: ReactNode;
  /** The button's look (danger unless said); the dialog's "yes" is always the solid red one. */
  look?: ButtonLook;
  size?: ButtonSize;
  /** The submitter's name and value the action reads (a form with several buttons: intent=delete). */
  name?: string;
  value?: string;
  disabled?: boolean;
  /** The form is sent without the browser checking its fields (removing the logo beside a required file field). */
  formNoValidate?: boolean;
}

/**
 * The submit button of a destructive form (delete, revoke, cancel), asking first in a modal native <dialog>: focus
 * moves to its "no", Escape closes it, focus goes back to the button, and only its "yes" submits the form it sits
 * in (with the button's name and value). While the form is sent the dialog stays open with both its buttons
 * disabled and the "yes" saying so, so a second click sends nothing twice; it closes when the answer is in (a
 * refusal then shows beside the form); a submit the form's own handler cancels closes it, ready to ask again. Without JavaScript the button submits at once, as before.
 * `confirm-button.test.ts` holds every danger-look submit button to this.
 */
export function ConfirmButton({ children, question, detail, yes, no, look = "danger", size, name, value, disabled, formNoValidate }: Props) {
  const t = useT();
  const { pending } = useFormStatus();
  const dialog = useRef<HTMLDialogElement>(null);
  // Set by the "yes" click that sends, before React has shown the form pending: a quick second click finds it.
  const sent = useRef(false);
  const seenPending = useRef(false);
  const id = useId();
  const close = () => dialog.current?.close();
  const said = detail === "" ? null : (detail ?? t("form.confirm.undone"));
  // A "yes" whose submit went nowhere — the form's own submit handler cancelled it (checking something, showing a
  // message) and started no send — closes the dialog, which makes "yes" usable again (onClose), as a browser
  // validation failure does. Looked at once the click's submit has passed every handler: React's own, which takes a
  // sent form for its action and cancels the browser's submit too, has shown the form pending by then.
  const closeIfNotSent = (form: HTMLFormElement) => {
    let submit: Event | undefined;
    const seen = (event: Event) => (submit = event);
    form.addEventListener("submit", seen, { once: true });
    setTimeout(() => {
      form.removeEventListener("submit", seen);
      const sentByBrowser = submit !== undefined && !submit.defaultPrevented;
      if (!sentByBrowser && !seenPending.current) close();
    });
  };
  // A layout effect: it runs in the commit that shows the form pending, so closeIfNotSent's timer, if it fires after
  // that commit, sees it (a passive effect may run later still, and the dialog of a form being sent would close).
  // No test tells the two apart with React 19.3: the pending state is an optimistic update in the sync lane, rendered
  // and committed before the submit event returns, and a sync-lane commit flushes its passive effects at its end
  // (react-dom-client commitRoot, `pendingEffectsLanes & 3`), both before the timer. This holds without relying on it.
  useLayoutEffect(() => {
    if (pending) seenPending.current = true;
    else if (seenPending.current) {
      seenPending.current = false;
      sent.current = false;
      dialog.current?.close();
    }
  }, [pending]);
  return (
    <>
      <Button
        look={look}
        size={size}
        name={name}
        value={value}
        disabled={disabled || pending}
        aria-haspopup="dialog"
        onClick={(event) => {
          event.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-question`}
        aria-describedby={said ? `${id}-detail` : undefined}
        onClose={() => {
          sent.current = false;
        }}
        className="m-auto max-w-md rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-lg backdrop:bg-slate-900/40 sm:p-6"
      >
        <p id={`${id}-question`} className="font-semibold">
          {question ?? children}
        </p>
        {said && (
          <p id={`${id}-detail`} className="mt-1 text-sm text-slate-600">
            {said}
          </p>
        )}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button type="button" look="secondary" autoFocus disabled={pending} onClick={close}>
            {no ?? t("form.confirm.back")}
          </Button>
          <Button
            look="dangerPrimary"
            size="small"
            name={name}
            value={value}
            formNoValidate={formNoValidate}
            disabled={pending}
            aria-busy={pending || undefined}
            onClick={(event) => {
              if (sent.current) return event.preventDefault();
              // A form field the browser finds wrong: close, so its message shows at the field, not under the dialog.
              const form = event.currentTarget.form;
              if (form && !formNoValidate && !form.checkValidity()) {
                event.preventDefault();
                close();
                form.reportValidity();
                return;
              }
              sent.current = true;
              if (form) closeIfNotSent(form);
            }}
          >
            {pending ? t("form.confirm.working") : (yes ?? children)}
          </Button>
        </div>
      </dialog>
    </>
  );
}
