import type { ReactNode } from "react";

/*
 * The looks of a table, each written once. The cells take their padding, the headings their weight and colour,
 * the rows their dividing line from the table (descendant classes), so a page writes <Th> and <Td> bare and every
 * table of one look matches. A table never draws wider than the page: it scrolls inside its own box.
 */
const LOOKS = {
  /** A list inside a card: small rows divided by a hairline, grey headings. */
  list: {
    box: "overflow-x-auto",
    table:
      "w-full text-left text-sm [&_th]:px-2 [&_th]:py-1 [&_td]:px-2 [&_td]:py-1 [&_th]:align-top [&_td]:align-top [&_th]:font-medium [&_thead]:text-slate-600 [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100",
    caption: "text-left font-medium",
  },
  /** A card's main list at the page's text size (equipment types, machines, training requests). */
  roomy: {
    box: "overflow-x-auto",
    table:
      "w-full text-left [&_th]:px-3 [&_th]:py-2 [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_th]:text-sm [&_th]:font-semibold [&_thead]:text-slate-600 [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100",
    caption: "text-left font-medium",
  },
  /** A page's own list, boxed, with a band behind the headings (people, things, import previews). */
  boxed: {
    box: "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm",
    table:
      "w-full text-left text-sm [&_th]:px-3 [&_th]:py-2 [&_td]:px-3 [&_td]:py-2 [&_th]:font-medium [&_thead]:bg-slate-100 [&_thead]:text-slate-600 [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-100",
    caption: "px-3 pt-2 text-left font-semibold",
  },
  /** What is laid out as a table but is no list (the calendar's month, a list of figures): its cells style themselves. */
  bare: { box: "overflow-x-auto", table: "text-sm", caption: "text-left font-medium" },
} as const;

/** Rows the reader must act on (an import's refused rows): a red edge, band and hairlines. Only for `boxed`. */
const DANGER = {
  box: "overflow-x-auto rounded-lg border border-red-200 bg-white shadow-sm",
  table:
    "w-full text-left text-sm [&_th]:px-3 [&_th]:py-2 [&_td]:px-3 [&_td]:py-2 [&_th]:font-medium [&_thead]:bg-red-50 [&_tbody_tr]:border-t [&_tbody_tr]:border-red-100",
  caption: "px-3 pt-2 text-left font-semibold text-red-900",
};

/**
 * A table's name for screen readers, one of: a visible caption, the id of the heading above it, or a label of its
 * own. Every table has one (the types refuse a table without): a screen reader's list of tables reads them.
 */
type Name =
  | { caption: ReactNode; label?: never; labelledBy?: never }
  | { label: string; caption?: never; labelledBy?: never }
  | { labelledBy: string; caption?: never; label?: never };

export type TableLook = keyof typeof LOOKS;

/**
 * A table of rows with its name (`caption`, `labelledBy` the id of the card's heading, or `label`) in one of the
 * looks above, inside a box that scrolls sideways on a narrow screen. `className` adds the table's width or layout
 * (`min-w-[32rem]`, `table-fixed`); `testId` marks it for the e2e tests. Write its cells with `Th` and `Td`.
 */
export function Table({
  look = "list",
  tone,
  className,
  testId,
  children,
  ...name
}: Name & { look?: TableLook; tone?: "danger"; className?: string; testId?: string; children: ReactNode }) {
  const style = tone === "danger" ? DANGER : LOOKS[look];
  return (
    <div className={style.box}>
      <table className={className ? `${style.table} ${className}` : style.table} aria-label={name.label} aria-labelledby={name.labelledBy} data-testid={testId}>
        {name.caption !== undefined && <caption className={style.caption}>{name.caption}</caption>}
        {children}
      </table>
    </div>
  );
}

/**
 * A heading cell: of its column (`scope="col"`), or of its row (`scope="row"`, the first cell of a list of
 * figures). `numeric`: right-aligned over a column of numbers. `labelHidden`: a column of buttons, named for screen
 * readers only.
 */
export function Th({
  children,
  scope = "col",
  numeric,
  labelHidden,
  className,
}: {
  children?: ReactNode;
  scope?: "col" | "row";
  numeric?: boolean;
  labelHidden?: boolean;
  className?: string;
}) {
  const align = numeric ? "text-right" : "";
  const classes = [align, className].filter(Boolean).join(" ");
  return (
    <th scope={scope} {...defined({ className: classes || undefined })}>
      {labelHidden ? <span className="sr-only">{children}</span> : children}
    </th>
  );
}

/** A cell. `numeric`: right-aligned, with figures of one width so a column of numbers lines up. */
export function Td({ children, numeric, className, colSpan }: { children?: ReactNode; numeric?: boolean; className?: string; colSpan?: number }) {
  const classes = [numeric ? "text-right tabular-nums" : "", className].filter(Boolean).join(" ");
  return <td {...defined({ className: classes || undefined, colSpan })}>{children}</td>;
}

/**
 * Only the props that have a value: a server component's props go into the page's RSC payload, where an undefined
 * one is still written out ("className":"$undefined") — in every cell of every row (issue 20: page size).
 */
function defined<T extends Record<string, unknown>>(props: T): Partial<T> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Partial<T>;
}
