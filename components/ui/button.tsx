import Link from "next/link";
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ComponentProps } from "react";

/*
 * Buttons, and links that look like one: the only place their classes are written (`button.test.ts` refuses a
 * hand-made copy). A plain function with no hooks, so server and client components both use it.
 */

const COLOURS = {
  primary: "bg-slate-800 font-medium text-white hover:bg-slate-700",
  secondary: "border border-slate-300 bg-white hover:bg-slate-100",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  /** The one step that cannot be undone (erase a person, yes cancel this booking): solid red. */
  dangerPrimary: "bg-red-700 font-medium text-white hover:bg-red-600",
} as const;

const SIZES = { normal: "px-4 py-2", small: "px-3 py-1.5 text-sm", tiny: "px-2 py-0.5 text-sm" } as const;

const BASE = "inline-block rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-700 disabled:cursor-not-allowed disabled:opacity-60";

export type ButtonLook = keyof typeof COLOURS;
export type ButtonSize = keyof typeof SIZES;

interface Looks {
  /** primary: the form's main step; secondary: the others beside it; danger: delete, revoke, remove. */
  look?: ButtonLook;
  /** normal for a form's main button, small in lists and beside a title (the default of secondary and danger), tiny in a table's row. */
  size?: ButtonSize;
}

/** The classes of a button of this look: for a `<summary>` or `<label>` that must look like one. */
export function buttonLook({ look = "primary", size }: Looks = {}, className?: string): string {
  const chosen = size ?? (look === "primary" || look === "dangerPrimary" ? "normal" : "small");
  return [BASE, COLOURS[look], SIZES[chosen], className].filter(Boolean).join(" ");
}

/** A `<button>`: `type` is "submit" unless said (most sit in a form); `className` adds layout (`w-full sm:w-auto`). */
export function Button({ look, size, className, type = "submit", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & Looks) {
  return <button type={type} className={buttonLook({ look, size }, className)} {...rest} />;
}

/** A link in a button's look (a list's "New …", a pager's next page). */
export function ButtonLink({ look, size, className, ...rest }: ComponentProps<typeof Link> & Looks) {
  return <Link className={buttonLook({ look, size }, className)} {...rest} />;
}

/** A plain `<a>` in a button's look, for what is no page of the app (a download, a route handler). */
export function ButtonAnchor({ look, size, className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & Looks) {
  return <a className={buttonLook({ look, size }, className)} {...rest} />;
}
