import type { ReactNode } from "react";

/** The look of a page's title, kept in one place: `PageTitle` is the only place it is written. */
export const pageTitleClass = "text-2xl font-bold";

/**
 * A page's title: its one h1, the same size and weight on every page. `id`: when the page's landmark is named by
 * its title (aria-labelledby). Links or buttons beside the title stay with the page, in a row around it.
 */
export function PageTitle({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <h1 id={id} className={pageTitleClass}>
      {children}
    </h1>
  );
}
