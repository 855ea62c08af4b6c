import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { Card } from "./card";
import { cardClass, cardShape } from "./styles";
import { sourceFiles, readSource } from "./testing/source-files";

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

  it("puts an action beside the heading, in one row with it", () => {
    const actions = createElement("a", { href: "/admin/equipment/types/new" }, "New type");
    expect(renderToStaticMarkup(Card({ id: "types", title: "Types", actions, children: "x" }))).toBe(
      `<section class="${cardClass}" aria-labelledby="types"><div class="mb-3 flex flex-wrap items-center justify-between gap-2"><h2 id="types" class="text-lg font-semibold">Types</h2><a href="/admin/equipment/types/new">New type</a></div>x</section>`,
    );
  });

  it("is an h3 inside a section with its own h2", () => {
    const html = renderToStaticMarkup(Card({ id: "op", title: "GET /api/v1/members", level: 3, children: "x" }));
    expect(html).toContain('<h3 id="op" class="mb-3 text-lg font-semibold">GET /api/v1/members</h3>');
  });
});

/*
 * Every boxed section with its own heading is a Card: no file in app/ or components/ writes a box (the card classes,
 * or its own rounded border with padding) whose heading (h2/h3) sits in it directly or in its first row. A page that
 * is one box titled by its h1 (the sign-in of another service) is no section, and a list's items are no sections.
 */

const BOX = /\b(cardClass|cardShape|sectionClass)\b|(?=.*\brounded(-\w+)?\b)(?=.*\bborder\b)(?=.*\bp-[3-6]\b)/;
const HEADING = /^h[23]$/;

function handMadeCards(file: string, text = readSource(file)): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const tagOf = (node: ts.Node) =>
    ts.isJsxElement(node) ? node.openingElement.tagName.getText() : ts.isJsxSelfClosingElement(node) ? node.tagName.getText() : "";
  const elements = (node: ts.JsxElement) =>
    node.children.filter((c): c is ts.JsxElement | ts.JsxSelfClosingElement => ts.isJsxElement(c) || ts.isJsxSelfClosingElement(c));
  // A box's classes kept in a const of the file (`const card = "rounded border p-4"`, `className={card}`) are a box too.
  const boxNames = new Set<string>();
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && BOX.test(node.initializer.getText())) boxNames.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const isBox = (classes: ts.Node) => {
    if (BOX.test(classes.getText())) return true;
    let named = false;
    const look = (node: ts.Node) => {
      if (ts.isIdentifier(node) && boxNames.has(node.text)) named = true;
      ts.forEachChild(node, look);
    };
    look(classes);
    return named;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node) && node.openingElement.tagName.getText() !== "li") {
      const className = node.openingElement.attributes.properties.find((a) => ts.isJsxAttribute(a) && a.name.getText() === "className");
      const [first] = elements(node);
      const headed = first && (HEADING.test(tagOf(first)) || (ts.isJsxElement(first) && elements(first).some((c) => HEADING.test(tagOf(c)))));
      if (className && ts.isJsxAttribute(className) && className.initializer && isBox(className.initializer) && headed)
        found.push(`line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("boxes are written once", () => {
  it("no file writes a boxed section with its own heading (write <Card>)", () => {
    const files = sourceFiles().filter((file) => file !== "components/ui/card.tsx");
    expect(files.flatMap((file) => handMadeCards(file).map((where) => `${file}: ${where}`))).toEqual([]);
  });

  it("finds a box with its heading, a heading row, and its own rounded border; not a list item or a box without a heading", () => {
    const box = (inner: string, className = "className={`${cardClass} space-y-3`}") =>
      `export const A = () => (\n  <section ${className}>\n    ${inner}\n  </section>\n);\n`;
    expect(handMadeCards("a.tsx", box("<h2>T</h2><p>x</p>"))).toEqual(["line 2"]);
    expect(handMadeCards("a.tsx", box('<div className="flex"><h2>T</h2><a href="/">new</a></div>'))).toEqual(["line 2"]);
    expect(handMadeCards("a.tsx", box("<h3>T</h3>", 'className="rounded-lg border border-slate-200 p-4"'))).toEqual(["line 2"]);
    const named = (look: string) => `const card = ${look};\n${box("<h2>T</h2>", "className={card}")}`;
    expect(handMadeCards("a.tsx", named('"space-y-2 rounded border border-slate-200 bg-white p-4"'))).toEqual(["line 3"]);
    expect(handMadeCards("a.tsx", named("`${cardClass} space-y-3`"))).toEqual(["line 3"]);
    expect(handMadeCards("a.tsx", named('"flex gap-2"'))).toEqual([]);
    expect(handMadeCards("a.tsx", box("<p>x</p><h2>T</h2>"))).toEqual([]);
    expect(handMadeCards("a.tsx", `export const A = () => <li className={cardClass}><h3>T</h3></li>;\n`)).toEqual([]);
  });
});
