import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PageTitle, pageTitleClass, pageTitleRowClass } from "./page-title";
import { sourceFiles, readSource, filesUsing } from "./testing/source-files";

// PageTitle is a plain component: calling it gives its element tree.
describe("PageTitle", () => {
  it("is the page's h1 in the shared look", () => {
    expect(renderToStaticMarkup(PageTitle({ children: "Locations" }))).toBe(`<h1 class="${pageTitleClass}">Locations</h1>`);
    expect(pageTitleClass).toBe("text-2xl font-bold");
  });

  it("carries an id when the page's landmark is named by its title", () => {
    expect(renderToStaticMarkup(PageTitle({ id: "person-name", children: "Ada" }))).toBe(`<h1 id="person-name" class="${pageTitleClass}">Ada</h1>`);
  });

  it("puts the actions beside the title in one row", () => {
    const actions = createElement("a", { href: "/polls/new" }, "New poll");
    expect(renderToStaticMarkup(PageTitle({ children: "Polls", actions }))).toBe(
      `<div class="${pageTitleRowClass}"><h1 class="${pageTitleClass}">Polls</h1><div class="flex flex-wrap items-center gap-x-3 gap-y-2"><a href="/polls/new">New poll</a></div></div>`,
    );
    // No actions for this viewer (a permission they lack): the plain title, no empty row.
    expect(renderToStaticMarkup(PageTitle({ children: "Polls", actions: false }))).toBe(`<h1 class="${pageTitleClass}">Polls</h1>`);
  });

  it("puts the kicker above the title, inside the row's left side", () => {
    const kicker = createElement("p", null, "#12");
    expect(renderToStaticMarkup(PageTitle({ children: "Drill", kicker, actions: "Edit" }))).toBe(
      `<div class="${pageTitleRowClass}"><div><p>#12</p><h1 class="${pageTitleClass}">Drill</h1></div><div class="flex flex-wrap items-center gap-x-3 gap-y-2">Edit</div></div>`,
    );
  });
});

/*
 * Every page title is a PageTitle: no page or component in app/ or components/ writes its own h1, except the two
 * titles below that look different on purpose.
 */
const OWN_LOOK: Record<string, string> = {
  "app/(public)/page.tsx": "the start page's space name, larger on wide screens",
  "app/(admin)/admin/webhooks/[id]/page.tsx": "a webhook's address, in monospace and broken anywhere",
};

describe("page titles are written once", () => {
  const files = sourceFiles();
  const withH1 = files.filter((file) => file !== "components/ui/page-title.tsx" && /<h1[\s>]/.test(readSource(file)));

  it("finds the pages that use it", () => {
    expect(filesUsing(files, "<PageTitle").length).toBeGreaterThan(80);
  });

  it("no file but PageTitle writes an h1 (write <PageTitle>…</PageTitle>)", () => {
    expect(withH1.sort()).toEqual(Object.keys(OWN_LOOK).sort());
  });

  it("no file writes a row of actions around a PageTitle (give them to its actions)", () => {
    expect(files.flatMap((file) => handWrittenRows(file).map((where) => `${file}: ${where}`))).toEqual([]);
  });

  it("no file copies the title's class string", () => {
    const copies = files.filter((file) => file !== "components/ui/page-title.tsx" && readSource(file).includes(`"${pageTitleClass}"`));
    expect(copies).toEqual([]);
  });
});

/**
 * Where a flex row holds a PageTitle (directly, or inside a block beside it) and something after it: the actions
 * row PageTitle's `actions` writes. A photo before the title (a member's page) is not such a row.
 */
function handWrittenRows(file: string, text = readSource(file)): string[] {
  if (!text.includes("<PageTitle")) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const className = (element: ts.JsxElement) =>
    element.openingElement.attributes.properties.flatMap((a) =>
      ts.isJsxAttribute(a) && a.name.getText() === "className" && a.initializer && ts.isStringLiteral(a.initializer) ? [a.initializer.text] : [],
    )[0] ?? "";
  const visit = (node: ts.Node) => {
    const tag = ts.isJsxElement(node) ? node.openingElement.tagName : ts.isJsxSelfClosingElement(node) ? node.tagName : null;
    if (tag?.getText() === "PageTitle") {
      let child: ts.Node = node;
      for (let depth = 0; depth < 2 && ts.isJsxElement(child.parent); depth++) {
        const row = child.parent;
        const siblings = row.children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
        if (/\bflex\b/.test(className(row)) && siblings.indexOf(child as ts.JsxChild) < siblings.length - 1) {
          found.push(`line ${source.getLineAndCharacterOfPosition(row.getStart()).line + 1}`);
          break;
        }
        child = row;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the check for hand-written title rows", () => {
  it("finds a row written around a PageTitle, and one around a block holding it", () => {
    const row = `export const A = () => (\n  <div className="flex justify-between">\n    <PageTitle>T</PageTitle>\n    <a href="/x">x</a>\n  </div>\n);\n`;
    const block = `export const A = () => (\n  <div className="flex">\n    <div>\n      <p>#1</p>\n      <PageTitle>T</PageTitle>\n    </div>\n    <a href="/x">x</a>\n  </div>\n);\n`;
    const photo = `export const A = () => (\n  <div className="flex gap-4">\n    <img alt="" />\n    <PageTitle>T</PageTitle>\n  </div>\n);\n`;
    expect(handWrittenRows("row.tsx", row)).toEqual(["line 2"]);
    expect(handWrittenRows("block.tsx", block)).toEqual(["line 2"]);
    expect(handWrittenRows("photo.tsx", photo)).toEqual([]);
  });
});
