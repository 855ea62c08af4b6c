import type { ReactNode } from "react";

/** The look of a page's title, kept in one place: `PageTitle` is the only place it is written. */
export const pageTitleClass = "text-2xl font-bold";
/** The row a title shares with its actions: the title on the left, the actions wrapping to the right. */
export const pageTitleRowClass = "flex flex-wrap items-center justify-between gap-2";
const actionsClass = "flex flex-wrap items-center gap-x-3 gap-y-2";

/**
 * A page's title: its one h1, the same size and weight on every page. `id`: when the page's landmark is named by
 * its title (aria-labelledby). `actions`: the links and buttons (or a short status line) beside the title, in one
 * row that wraps on narrow screens — never a row written around a PageTitle by hand. `kicker`: a small line above
 * the title (a thing's number and address).
 */
export function PageTitle({ id, children, actions, kicker }: { id?: string; children: ReactNode; actions?: ReactNode; kicker?: ReactNode }) {
  const h1 = (
    <h1 id={id} className={pageTitleClass}>
      {children}
    </h1>
  );
  if (!actions && !kicker) return h1;
  const title = kicker ? (
    <div>
      {kicker}
      {h1}
    </div>
  ) : (
    h1
  );
  if (!actions) return title;
  return (
    <div className={pageTitleRowClass}>
      {title}
      <div className={actionsClass}>{actions}</div>
    </div>
  );
}
