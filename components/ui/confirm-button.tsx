"use client";

import { useId, useRef, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { Button, type ButtonLook, type ButtonSize } from "./button";

interface Props {
  /** The button's label, also the dialog's "yes" unless `yes` says otherwise. */
  children: ReactNode;
  /** What the dialog asks ("Delete this location?", "Cancel LASER 1, 15 Dec, 10:00–11:00?"); the label when not given. */
  question?: ReactNode;
  /** Under the question; "This cannot be undone." when not given. */
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
}

/**
 * The submit button of a destructive form (delete, revoke, cancel), asking first in a modal native <dialog>: focus
 * moves to its "no", Escape closes it, focus goes back to the button, and only its "yes" submits the form it sits
 * in (with the button's name and value). Without JavaScript the button submits at once, as before.
 * `confirm-button.test.ts` holds every danger-look submit button to this.
 */
export function ConfirmButton({ children, question, detail, yes, no, look = "danger", size, name, value, disabled }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const close = () => dialog.current?.close();
  return (
    <>
      <Button
        look={look}
        size={size}
        name={name}
        value={value}
        disabled={disabled}
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
        aria-describedby={`${id}-detail`}
        className="m-auto max-w-md rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-lg backdrop:bg-slate-900/40 sm:p-6"
      >
        <p id={`${id}-question`} className="font-semibold">
          {question ?? children}
        </p>
        <p id={`${id}-detail`} className="mt-1 text-sm text-slate-600">
          {detail ?? t("form.confirm.undone")}
        </p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <Button type="button" look="secondary" autoFocus onClick={close}>
            {no ?? t("form.confirm.back")}
          </Button>
          <Button look="dangerPrimary" size="small" name={name} value={value} onClick={close}>
            {yes ?? children}
          </Button>
        </div>
      </dialog>
    </>
  );
}
