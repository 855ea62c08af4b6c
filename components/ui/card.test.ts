import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Card } from "./card";
import { cardClass, cardShape } from "./styles";

// Card is a plain server component: calling it gives its element tree.
describe("Card", () => {
  it("is a section named by its heading, with the shared look and the spacing asked for", () => {
    const html = renderToStaticMarkup(Card({ id: "lists", title: "Mailing lists", className: "space-y-3", children: createElement("p", null, "body") }));
    expect(html).toBe(
      `<section class="${cardClass} space-y-3" aria-labelledby="lists"><h2 id="lists" class="mb-3 text-lg font-semibold">Mailing lists</h2><p>body</p></section>`,
    );
  });

  it("puts the intro line under the heading", () => {
    const html = renderToStaticMarkup(Card({ id: "mails", title: "Mails", intro: "Which mails you get.", children: "x" }));
    expect(html).toContain('<h2 id="mails" class="mb-1 text-lg font-semibold">Mails</h2><p class="mb-3 text-sm text-slate-600">Which mails you get.</p>x');
  });

  it("hides the heading from the eye only, keeping it as the section's name", () => {
    const html = renderToStaticMarkup(Card({ id: "edit", title: "Save", titleHidden: true, intro: "Edit them.", children: "x" }));
    expect(html).toBe(
      `<section class="${cardClass}" aria-labelledby="edit"><h2 id="edit" class="sr-only">Save</h2><p class="mb-3 text-sm text-slate-600">Edit them.</p>x</section>`,
    );
  });

  it("marks what cannot be undone with a red edge and heading", () => {
    const html = renderToStaticMarkup(Card({ id: "erase", title: "Erase", tone: "danger", intro: "For good.", children: "x" }));
    expect(html).toBe(
      `<section class="${cardShape} border-red-200 bg-white" aria-labelledby="erase"><h2 id="erase" class="mb-1 text-lg font-semibold text-red-900">Erase</h2><p class="mb-3 text-sm text-slate-600">For good.</p>x</section>`,
    );
  });

  it("gives a tone its own edge and ground instead of a second colour beside the plain one", () => {
    const html = renderToStaticMarkup(Card({ id: "application", title: "Your application", tone: "notice", testId: "application-status", children: "x" }));
    expect(html).toBe(
      `<section class="${cardShape} border-amber-300 bg-amber-50" aria-labelledby="application" data-testid="application-status"><h2 id="application" class="mb-3 text-lg font-semibold">Your application</h2>x</section>`,
    );
    // Tailwind orders its rules by name, not by their order in the attribute: with border-slate-200 beside it,
    // border-red-200 (or amber) would never show.
    for (const tone of ["danger", "notice"] as const)
      expect(renderToStaticMarkup(Card({ id: "x", title: "x", tone, children: "x" }))).not.toContain("slate-200");
  });

  it("is an h3 inside a section with its own h2", () => {
    const html = renderToStaticMarkup(Card({ id: "op", title: "GET /api/v1/members", level: 3, children: "x" }));
    expect(html).toContain('<h3 id="op" class="mb-3 text-lg font-semibold">GET /api/v1/members</h3>');
  });
});
