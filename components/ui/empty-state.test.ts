import { renderToStaticMarkup } from "react-dom/server";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { EmptyState, emptyStateClass } from "./empty-state";
import { linkClass } from "./styles";
import { sourceFiles, readSource, filesUsing } from "./testing/source-files";

// EmptyState is a plain component: calling it gives its element tree.
describe("EmptyState", () => {
  it("is the list's message in the muted look", () => {
    expect(renderToStaticMarkup(EmptyState({ children: "No machines yet." }))).toBe(`<p class="${emptyStateClass}">No machines yet.</p>`);
    expect(emptyStateClass).toBe("text-slate-600");
  });

  it("is small in a card of small text, and takes spacing", () => {
    expect(renderToStaticMarkup(EmptyState({ children: "No tokens.", small: true, className: "mb-3" }))).toBe(
      `<p class="text-sm ${emptyStateClass} mb-3">No tokens.</p>`,
    );
  });

  it("links to where the first one is added", () => {
    const html = renderToStaticMarkup(EmptyState({ children: "No polls yet.", action: { href: "/polls/new", label: "New poll" } }));
    expect(html).toBe(`<p class="${emptyStateClass}">No polls yet. <a class="${linkClass}" href="/polls/new">New poll</a></p>`);
  });
});

/*
 * Every empty list says so with EmptyState: no file in app/ or components/ writes its own element as the branch a
 * list takes when it has nothing (`xs.length === 0 ? <p>…</p> : …`, `!xs.length && <p>…</p>`,
 * `if (xs.length === 0) return <p>…</p>`). An empty list that shows nothing at all (`return null`) is no message.
 */

const unwrap = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? unwrap(e.expression) : e);
const isLength = (e: ts.Expression) => {
  const x = unwrap(e);
  return (ts.isPropertyAccessExpression(x) || ts.isPropertyAccessChain(x)) && x.name.text === "length";
};
const isZero = (e: ts.Expression) => ts.isNumericLiteral(unwrap(e)) && unwrap(e).getText() === "0";

/** "empty" when the condition holds for an empty list, "full" when for a list with items, else null. */
function lengthCheck(condition: ts.Expression): "empty" | "full" | null {
  const c = unwrap(condition);
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken && isLength(c.operand)) return "empty";
  if (isLength(c)) return "full";
  if (ts.isBinaryExpression(c)) {
    const op = c.operatorToken.kind;
    const [list, other] = isLength(c.left) ? [c.left, c.right] : isLength(c.right) ? [c.right, c.left] : [null, null];
    if (list && other && isZero(other)) {
      if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) return "empty";
      if (op === ts.SyntaxKind.ExclamationEqualsEqualsToken || (op === ts.SyntaxKind.GreaterThanToken && list === c.left)) return "full";
    }
  }
  return null;
}

/** An element written by hand (a lowercase tag) that holds only words: a message, not a list or a form. */
function isMessage(branch: ts.Node | undefined): boolean {
  if (!branch) return false;
  const b = ts.isExpression(branch) ? unwrap(branch) : branch;
  if (ts.isJsxSelfClosingElement(b)) return false;
  if (!ts.isJsxElement(b)) return false;
  const tag = b.openingElement.tagName.getText();
  return /^[a-z]/.test(tag) && b.children.every((c) => ts.isJsxText(c) || ts.isJsxExpression(c));
}

function handMadeEmptyStates(file: string, text = readSource(file)): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const returned = (s: ts.Statement): ts.Node | undefined => {
    if (ts.isReturnStatement(s)) return s.expression;
    if (ts.isBlock(s) && s.statements.length === 1) return returned(s.statements[0]!);
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isConditionalExpression(node)) {
      const check = lengthCheck(node.condition);
      if (check && isMessage(check === "empty" ? node.whenTrue : node.whenFalse)) found.push(at(node));
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      if (lengthCheck(node.left) === "empty" && isMessage(node.right)) found.push(at(node));
    } else if (ts.isIfStatement(node)) {
      if (lengthCheck(node.expression) === "empty" && isMessage(returned(node.thenStatement))) found.push(at(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("empty states are written once", () => {
  const files = sourceFiles();

  it("finds the pages that use it", () => {
    expect(filesUsing(files, "<EmptyState").length).toBeGreaterThan(40);
  });

  it("no file writes the message of an empty list by hand (write <EmptyState>)", () => {
    expect(files.flatMap((file) => handMadeEmptyStates(file).map((where) => `${file}: ${where}`))).toEqual([]);
  });

  it("finds a message in each way an empty list is tested, and not a list, nothing, or an EmptyState", () => {
    const of = (body: string) => handMadeEmptyStates("a.tsx", `export const A = ({ xs }: { xs: string[] }) => (\n  <div>\n    ${body}\n  </div>\n);\n`);
    expect(of(`{xs.length === 0 ? <p className="text-slate-600">{t("none")}</p> : <ul />}`)).toEqual(["line 3"]);
    expect(of(`{xs.length ? <ul /> : <p>{t("none")}</p>}`)).toEqual(["line 3"]);
    expect(of(`{!xs.length && <p className="text-sm text-slate-500">None.</p>}`)).toEqual(["line 3"]);
    expect(handMadeEmptyStates("a.tsx", `function A({ xs }) {\n  if (xs.length === 0) return <p>None.</p>;\n  return <ul />;\n}\n`)).toEqual(["line 2"]);
    expect(of(`{xs.length === 0 ? <EmptyState>{t("none")}</EmptyState> : <ul />}`)).toEqual([]);
    expect(of(`{xs.length > 0 ? <ul><li>x</li></ul> : null}`)).toEqual([]);
    expect(of(`{xs.length === 0 ? <div><Link href="/">x</Link></div> : <ul />}`)).toEqual([]);
  });
});
