import type { ReactNode } from "react";
import { cardClass } from "./styles";

/**
 * A card of a page: its heading names the section for screen readers (aria-labelledby); `intro` is the line
 * under the heading that says what the section is for. `className` adds spacing or width (`space-y-3`, `max-w-lg`).
 */
export function Card({ id, title, intro, children, className }: { id: string; title: ReactNode; intro?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={className ? `${cardClass} ${className}` : cardClass} aria-labelledby={id}>
      <h2 id={id} className={intro ? "mb-1 text-lg font-semibold" : "mb-3 text-lg font-semibold"}>
        {title}
      </h2>
      {intro && <p className="mb-3 text-sm text-slate-600">{intro}</p>}
      {children}
    </section>
  );
}
