import type { ReactNode } from "react";
import { cardClass } from "./styles";

/** A card of a page: its heading names the section for screen readers (aria-labelledby). */
export function Card({ id, title, children, className }: { id: string; title: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={className ? `${cardClass} ${className}` : cardClass} aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
