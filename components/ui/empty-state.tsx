import Link from "next/link";
import type { ReactNode } from "react";
import { linkClass } from "./styles";

/** The look of "nothing here yet", kept in one place: `EmptyState` is the only place it is written. */
export const emptyStateClass = "text-slate-600";

/**
 * What a list or table shows when it has nothing: its translated message, in the muted look every page shares.
 * `small`: in a card whose text is small (tokens, backups). `action`: where to go to add the first one, a link
 * after the message. `className`: spacing only (`mb-3`).
 */
export function EmptyState({
  children,
  small,
  action,
  className,
}: {
  children: ReactNode;
  small?: boolean;
  action?: { href: string; label: ReactNode };
  className?: string;
}) {
  const classes = [small ? `text-sm ${emptyStateClass}` : emptyStateClass, className].filter(Boolean).join(" ");
  return (
    <p className={classes}>
      {children}
      {action && (
        <>
          {" "}
          <Link href={action.href} className={linkClass}>
            {action.label}
          </Link>
        </>
      )}
    </p>
  );
}
