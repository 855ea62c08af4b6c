import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { Table, Td, Th } from "./table";
import { sourceFiles, readSource, filesUsing } from "./testing/source-files";

const row = createElement("tbody", null, createElement("tr", null, Td({ children: "Ada" }), Td({ children: "3", numeric: true })));

// Table and its cells are plain components: calling them gives their element tree.
describe("Table", () => {
  it("is named by the card heading above it, in a box that scrolls sideways, its cells styled by the look", () => {
    const html = renderToStaticMarkup(Table({ labelledBy: "usage", children: row }));
    expect(html).toMatch(/^<div class="overflow-x-auto"><table class="w-full text-left text-sm [^"]*\[&amp;_td\]:px-2 [^"]*" aria-labelledby="usage">/);
    expect(html).toContain('<tbody><tr><td>Ada</td><td class="text-right tabular-nums">3</td></tr></tbody></table></div>');
  });

  it("has a name: a table without caption, labelledBy or label does not compile", () => {
    // @ts-expect-error -- every table is named; a screen reader's list of tables reads the names.
    expect(renderToStaticMarkup(Table({ children: row }))).not.toMatch(/aria-label|<caption/);
  });

  it("gives its cells only the props that have a value (an undefined one still fills the page's RSC payload)", () => {
    expect(Td({ children: "Ada" }).props).toStrictEqual({ children: "Ada" });
    expect(Td({ children: "3", numeric: true, colSpan: 2 }).props).toStrictEqual({ children: "3", className: "text-right tabular-nums", colSpan: 2 });
    expect(Th({ children: "Name" }).props).toStrictEqual({ scope: "col", children: "Name" });
  });

  it("shows its caption, or carries a label of its own", () => {
    expect(renderToStaticMarkup(Table({ caption: "Per machine", children: row }))).toContain(
      '<caption class="text-left font-medium">Per machine</caption><tbody>',
    );
    expect(renderToStaticMarkup(Table({ label: "Backups", children: row }))).toContain('aria-label="Backups"');
  });

  it("boxes a page's own list, red for rows the reader must act on, and takes its width and test id", () => {
    const boxed = renderToStaticMarkup(Table({ label: "People", look: "boxed", className: "min-w-[32rem]", testId: "people", children: row }));
    expect(boxed).toMatch(
      /^<div class="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"><table class="[^"]*\[&amp;_thead\]:bg-slate-100[^"]* min-w-\[32rem\]" aria-label="People" data-testid="people">/,
    );
    const danger = renderToStaticMarkup(Table({ caption: "Rows with problems", look: "boxed", tone: "danger", children: row }));
    expect(danger).toContain('<div class="overflow-x-auto rounded-lg border border-red-200 bg-white shadow-sm">');
    expect(danger).toContain('<caption class="px-3 pt-2 text-left font-semibold text-red-900">Rows with problems</caption>');
    expect(danger).not.toContain("slate-");
  });

  it("heads a column or a row, right-aligned over numbers, named for screen readers only over buttons", () => {
    expect(renderToStaticMarkup(Th({ children: "Name" }))).toBe('<th scope="col">Name</th>');
    expect(renderToStaticMarkup(Th({ children: "Hours", numeric: true }))).toBe('<th scope="col" class="text-right">Hours</th>');
    expect(renderToStaticMarkup(Th({ children: "Sent", scope: "row", className: "font-normal" }))).toBe('<th scope="row" class="font-normal">Sent</th>');
    expect(renderToStaticMarkup(Th({ children: "Revoke", labelHidden: true }))).toBe('<th scope="col"><span class="sr-only">Revoke</span></th>');
  });
});

/*
 * Every table is a Table: no file in app/ or components/ writes <table>, <th> or <td> itself (their looks live in
 * components/ui/table.tsx, the padding of every cell with them).
 */

function handMadeCells(file: string, text = readSource(file)): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const tag = ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node) ? node.tagName.getText() : "";
    if (["table", "th", "td"].includes(tag)) found.push(`<${tag}> line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("tables are written once", () => {
  const files = sourceFiles();

  it("finds the pages that use it", () => {
    expect(filesUsing(files, "<Table").length).toBeGreaterThan(20);
  });

  it("no file but components/ui/table.tsx writes a table or its cells (write <Table>, <Th>, <Td>)", () => {
    const others = files.filter((file) => file !== "components/ui/table.tsx");
    expect(others.flatMap((file) => handMadeCells(file).map((where) => `${file}: ${where}`))).toEqual([]);
  });

  it("finds a hand-made table and its cells, not the Table parts", () => {
    const text = `export const A = () => (\n  <table className="w-full text-sm">\n    <tbody><tr><td className="px-2 py-1">x</td></tr></tbody>\n  </table>\n);\n`;
    expect(handMadeCells("a.tsx", text)).toEqual(["<table> line 2", "<td> line 3"]);
    expect(handMadeCells("a.tsx", `export const A = () => <Table label="x"><tbody><tr><Td>x</Td></tr></tbody></Table>;\n`)).toEqual([]);
  });
});
