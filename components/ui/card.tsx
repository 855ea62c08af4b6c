import type { ReactNode } from "react";
import { cardClass } from "./styles";

/**
 * A card of a page: its heading names the section for screen readers (aria-labelledby); `intro` is the line
 * under the heading that says what the section is for. `className` adds spacing or width (`space-y-3`, `max-w-lg`).
 * `titleHidden`: the heading is for screen readers only, where the page's h1 already says it (a page's one form).
 * `tone="danger"`: a red edge and heading, for what cannot be undone (erasing a person).
 */
export function Card({
  id,
  title,
  intro,
  children,
  className,
  titleHidden,
  tone,
}: {
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
  className?: string;
  titleHidden?: boolean;
  tone?: "danger";
}) {
  const look = tone === "danger" ? `${cardClass} border-red-200` : cardClass;
  const heading = `${intro ? "mb-1" : "mb-3"} text-lg font-semibold${tone === "danger" ? " text-red-900" : ""}`;
  return (
    <section className={className ? `${look} ${className}` : look} aria-labelledby={id}>
      <h2 id={id} className={titleHidden ? "sr-only" : heading}>
        {title}
      </h2>
      {intro && <p className="mb-3 text-sm text-slate-600">{intro}</p>}
      {children}
    </section>
  );
}
