import type { ReactNode } from "react";
import { cardClass } from "./styles";

/**
 * A card of a page: its heading names the section for screen readers (aria-labelledby); `intro` is the line
 * under the heading that says what the section is for. `className` adds spacing or width (`space-y-3`, `max-w-lg`).
 * `titleHidden`: the heading is for screen readers only, where the page's h1 already says it (a page's one form).
 */
export function Card({
  id,
  title,
  intro,
  children,
  className,
  titleHidden,
}: {
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
  className?: string;
  titleHidden?: boolean;
}) {
  return (
    <section className={className ? `${cardClass} ${className}` : cardClass} aria-labelledby={id}>
      <h2 id={id} className={titleHidden ? "sr-only" : intro ? "mb-1 text-lg font-semibold" : "mb-3 text-lg font-semibold"}>
        {title}
      </h2>
      {intro && <p className="mb-3 text-sm text-slate-600">{intro}</p>}
      {children}
    </section>
  );
}
