import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Card } from "./card";
import { cardClass } from "./styles";

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
      `<section class="${cardClass} border-red-200" aria-labelledby="erase"><h2 id="erase" class="mb-1 text-lg font-semibold text-red-900">Erase</h2><p class="mb-3 text-sm text-slate-600">For good.</p>x</section>`,
    );
  });
});
