"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { currentHref } from "@/lib/web/nav-current";

export interface MainNavGroup {
  key: string;
  label: string;
  sections: { title?: string; links: { href: string; label: string }[] }[];
}

interface Props {
  label: string;
  menuLabel: string;
  groups: MainNavGroup[];
  /** Shown beside the menu button at every width (the visitor's "Log in"). */
  aside?: ReactNode;
  /** Inside the phone menu, at the right on wide screens (language, log out). */
  tools: ReactNode;
}

const itemClass = "block rounded px-3 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400 md:py-1.5";

/**
 * Disclosure navigation (WAI-ARIA APG "disclosure navigation menu"): each group is a button that shows its links; on
 * a phone one "Menu" button shows the groups. One group open at a time; Escape, a click elsewhere, focus leaving the
 * menu or a new page close it. The link of the current page carries aria-current="page", its group a mark.
 */
export function MainNav({ label, menuLabel, groups, aside, tools }: Props) {
  const pathname = usePathname();
  const current = currentHref(groups, pathname);
  const [open, setOpen] = useState<string | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [seenPath, setSeenPath] = useState(pathname);
  const root = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  // A new page closes everything (the header stays mounted across client-side navigations).
  if (seenPath !== pathname) {
    setSeenPath(pathname);
    setOpen(null);
    setMenuOpen(false);
  }

  useEffect(() => {
    if (open === null && !menuOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) {
        setOpen(null);
        setMenuOpen(false);
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, menuOpen]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    if (open !== null) {
      buttons.current.get(open)?.focus();
      setOpen(null);
    } else if (menuOpen) {
      root.current?.querySelector<HTMLButtonElement>("[data-menu-button]")?.focus();
      setMenuOpen(false);
    }
  };

  return (
    <div
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(null);
      }}
      className="flex flex-1 flex-wrap items-center justify-end gap-x-4 gap-y-2 md:justify-between"
    >
      <div className="flex items-center gap-2 md:order-last">
        {aside}
        <button
          type="button"
          data-menu-button
          aria-expanded={menuOpen}
          aria-controls="main-menu"
          onClick={() => setMenuOpen((was) => !was)}
          className="flex items-center gap-2 rounded border border-slate-500 px-3 py-1.5 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400 md:hidden"
        >
          <span aria-hidden="true" className="text-base leading-none">
            {menuOpen ? "✕" : "☰"}
          </span>
          {menuLabel}
        </button>
      </div>
      <div
        id="main-menu"
        className={`${menuOpen ? "flex" : "hidden"} w-full flex-col gap-3 md:flex md:w-auto md:flex-1 md:flex-row md:items-center md:justify-between`}
      >
        <nav aria-label={label}>
          <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
            {groups.map((group) => {
              const expanded = open === group.key;
              const holdsCurrent = group.sections.some((s) => s.links.some((l) => l.href === current));
              return (
                <li key={group.key} className="relative">
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) buttons.current.set(group.key, el);
                      else buttons.current.delete(group.key);
                    }}
                    aria-expanded={expanded}
                    aria-controls={`nav-${group.key}`}
                    onClick={() => setOpen(expanded ? null : group.key)}
                    data-current={holdsCurrent || undefined}
                    className={`flex w-full items-center justify-between gap-1 rounded px-3 py-2 text-sm hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400 md:py-1 ${
                      holdsCurrent ? "font-semibold text-amber-300 underline decoration-2 underline-offset-4" : ""
                    } ${expanded ? "bg-slate-700" : ""}`}
                  >
                    {group.label}
                    <span aria-hidden="true" className="text-xs">
                      {expanded ? "▴" : "▾"}
                    </span>
                  </button>
                  <div
                    id={`nav-${group.key}`}
                    hidden={!expanded}
                    className="mt-1 space-y-2 rounded bg-slate-900 p-2 md:absolute md:left-0 md:top-full md:z-30 md:w-72 md:shadow-lg md:ring-1 md:ring-slate-600"
                  >
                    {group.sections.map((s, i) => {
                      const headingId = `nav-${group.key}-${i}`;
                      return (
                        <div key={headingId}>
                          {s.title && (
                            <p id={headingId} className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-300">
                              {s.title}
                            </p>
                          )}
                          <ul aria-labelledby={s.title ? headingId : undefined}>
                            {s.links.map((link) => {
                              const isCurrent = link.href === current;
                              return (
                                <li key={link.href}>
                                  <Link
                                    href={link.href}
                                    aria-current={isCurrent ? "page" : undefined}
                                    onClick={() => setOpen(null)}
                                    className={`${itemClass} ${isCurrent ? "bg-slate-100 font-semibold text-slate-900" : "hover:bg-slate-700"}`}
                                  >
                                    {link.label}
                                  </Link>
                                </li>
                              );
                            })}
                          </ul>
                        </div>
                      );
                    })}
                  </div>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 text-sm">{tools}</div>
      </div>
    </div>
  );
}
