import type { HTMLAttributes } from "react";

/*
 * A status pill: a machine's state, open or closed, a retired entry, an API method. Dark text on a light tint (AA
 * contrast), the only place their classes are written (`badge.test.ts` refuses a hand-made copy).
 */
const TONES = {
  neutral: "bg-slate-200 text-slate-800",
  success: "bg-emerald-100 text-emerald-900",
  warning: "bg-amber-100 text-amber-900",
  caution: "bg-orange-100 text-orange-900",
  danger: "bg-red-100 text-red-900",
  /** On a tinted tile (a machine's dashboard tile has its state's colour already). */
  light: "bg-white",
  /** Code-like labels (an API operation's method). */
  dark: "bg-slate-800 text-white",
} as const;

/** small: in a list or table row; text: in the running text's size, bold (the space's open status). */
const SIZES = { small: "text-xs font-medium", normal: "text-sm font-medium", text: "font-semibold" } as const;

export type BadgeTone = keyof typeof TONES;

export function badgeLook(tone: BadgeTone, size: keyof typeof SIZES = "small", className?: string): string {
  return ["inline-block rounded px-2 py-0.5", SIZES[size], TONES[tone], className].filter(Boolean).join(" ");
}

/** `className` adds spacing (`ml-2`); other attributes (data-testid) pass through. */
export function Badge({ tone, size, className, ...rest }: HTMLAttributes<HTMLSpanElement> & { tone: BadgeTone; size?: keyof typeof SIZES }) {
  return <span className={badgeLook(tone, size, className)} {...rest} />;
}
