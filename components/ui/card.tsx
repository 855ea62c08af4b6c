import type { ReactNode } from "react";
import { cardShape } from "./styles";

const TONES = {
  plain: { look: "border-slate-200 bg-white", heading: "" },
  danger: { look: "border-red-200 bg-white", heading: " text-red-900" },
  notice: { look: "border-amber-300 bg-amber-50", heading: "" },
} as const;

/**
 * A card of a page: its heading names the section for screen readers (aria-labelledby); `intro` is the line
 * under the heading that says what the section is for. `className` adds spacing or width (`space-y-3`, `max-w-lg`).
 * `titleHidden`: the heading is for screen readers only, where the page's h1 already says it (a page's one form).
 * `level`: 3 for a card inside a section that has its own h2 (the API documentation's operations).
 * `tone="danger"`: a red edge and heading, for what cannot be undone (erasing a person); `tone="notice"`: an amber
 * card for what the reader should see first (an applicant's waiting application). `actions`: a link or button beside
 * the heading (a list's "New …"), in one row with it.
 */
export function Card({
  id,
  title,
  intro,
  children,
  className,
  titleHidden,
  level = 2,
  tone = "plain",
  testId,
  actions,
}: {
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
  className?: string;
  titleHidden?: boolean;
  level?: 2 | 3;
  tone?: keyof typeof TONES;
  testId?: string;
  actions?: ReactNode;
}) {
  const look = `${cardShape} ${TONES[tone].look}`;
  const Heading = level === 3 ? "h3" : "h2";
  const space = intro ? "mb-1" : "mb-3";
  const heading = `text-lg font-semibold${TONES[tone].heading}`;
  const head = (
    <Heading id={id} className={titleHidden ? "sr-only" : actions ? heading : `${space} ${heading}`}>
      {title}
    </Heading>
  );
  return (
    <section className={className ? `${look} ${className}` : look} aria-labelledby={id} data-testid={testId}>
      {actions ? (
        <div className={`${space} flex flex-wrap items-center justify-between gap-2`}>
          {head}
          {actions}
        </div>
      ) : (
        head
      )}
      {intro && <p className="mb-3 text-sm text-slate-600">{intro}</p>}
      {children}
    </section>
  );
}
