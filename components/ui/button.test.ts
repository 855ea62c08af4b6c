import { renderToStaticMarkup } from "react-dom/server";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { Button, ButtonAnchor, ButtonLink, buttonLook } from "./button";
import { sourceFiles, readSource, filesUsing } from "./testing/source-files";

const BASE = "inline-block rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-700 disabled:cursor-not-allowed disabled:opacity-60";

// Button is a plain function: calling it gives its element tree.
describe("Button", () => {
  it("is a submit button in the main look unless told", () => {
    expect(renderToStaticMarkup(Button({ children: "Save" }))).toBe(
      `<button type="submit" class="${BASE} bg-slate-800 font-medium text-white hover:bg-slate-700 px-4 py-2">Save</button>`,
    );
  });

  it("gives the secondary and danger looks the small size, and keeps what else it is given", () => {
    expect(renderToStaticMarkup(Button({ look: "danger", name: "intent", value: "delete", children: "Delete" }))).toBe(
      `<button type="submit" class="${BASE} border border-red-300 bg-white text-red-800 hover:bg-red-50 px-3 py-1.5 text-sm" value="delete" name="intent">Delete</button>`,
    );
    expect(renderToStaticMarkup(Button({ look: "secondary", type: "button", size: "tiny", children: "x" }))).toContain('type="button"');
    expect(buttonLook({ look: "secondary", size: "normal" }, "w-full")).toBe(`${BASE} border border-slate-300 bg-white hover:bg-slate-100 px-4 py-2 w-full`);
  });

  it("is a link in the same look", () => {
    expect(renderToStaticMarkup(ButtonLink({ href: "/polls/new", size: "small", children: "New poll" }))).toBe(
      `<a class="${BASE} bg-slate-800 font-medium text-white hover:bg-slate-700 px-3 py-1.5 text-sm" href="/polls/new">New poll</a>`,
    );
    expect(renderToStaticMarkup(ButtonAnchor({ href: "/calendar.ics", look: "secondary", children: "iCal" }))).toBe(
      `<a class="${BASE} border border-slate-300 bg-white hover:bg-slate-100 px-3 py-1.5 text-sm" href="/calendar.ics">iCal</a>`,
    );
  });
});

/*
 * Every button, and every link that looks like one, is a Button, ButtonLink or ButtonAnchor: no file in app/ or
 * components/ writes a button's classes (a rounded dark or red ground with white text, or a rounded border with
 * padding that changes on hover), on the element or in a string kept for it. The site header's own controls, light
 * on its dark bar, and the skip link look different on purpose.
 */
const OWN_LOOK: Record<string, string> = {
  "components/site-header.tsx": "the header's login and menu controls, on the dark bar",
  "components/main-nav.tsx": "the menu's own items and its toggle, on the dark bar",
  "components/language-switch.tsx": "the language buttons, on the dark bar",
};

/** A button's classes: rounded, and a dark or red ground with white text, or a border with padding that reacts to hover. */
function looksLikeButton(classes: string): boolean {
  // The skip link is a link until focused; a text-xs pill is a badge.
  if (!/\brounded\b/.test(classes) || /\b(sr-only|text-xs)\b/.test(classes)) return false;
  const solid = /\bbg-(slate-800|red-700)\b/.test(classes) && /\btext-white\b/.test(classes);
  const bordered = /\bborder\b/.test(classes) && /\bpx-\d/.test(classes) && /\bhover:bg-/.test(classes);
  return solid || bordered;
}

function handMadeButtons(file: string, text = readSource(file)): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const line = (node: ts.Node) => `line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      if (looksLikeButton(node.getText())) found.push(line(node));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("buttons are written once", () => {
  const files = sourceFiles().filter((file) => !file.startsWith("components/ui/"));

  it("finds the pages that use them", () => {
    expect(filesUsing(files, /<Button(Link|Anchor)?[\s>]/).length).toBeGreaterThan(50);
  });

  it("no file writes a button's classes (write <Button>, <ButtonLink> or <ButtonAnchor>)", () => {
    const own = files.filter((file) => file in OWN_LOOK);
    expect(own.sort()).toEqual(Object.keys(OWN_LOOK).sort());
    expect(files.filter((file) => !(file in OWN_LOOK)).flatMap((file) => handMadeButtons(file).map((where) => `${file}: ${where}`))).toEqual([]);
  });

  it("finds a button's classes on the element and in a string kept for it; not a field, a box or the skip link", () => {
    expect(handMadeButtons("a.tsx", `export const A = () => <button className="rounded bg-slate-800 px-4 py-2 text-white">x</button>;\n`)).toEqual(["line 1"]);
    expect(handMadeButtons("a.tsx", `const btn = "rounded border border-slate-300 px-3 py-1 hover:bg-slate-100";\n`)).toEqual(["line 1"]);
    expect(handMadeButtons("a.tsx", 'const b = (on: boolean) => `rounded border px-3 ${on ? "" : "hover:bg-slate-100"}`;\n')).toEqual(["line 1"]);
    expect(
      handMadeButtons("a.tsx", `const input = "rounded border border-slate-300 bg-white px-2 py-1";\nconst box = "rounded border border-slate-200 p-4";\n`),
    ).toEqual([]);
    expect(handMadeButtons("a.tsx", `const skip = "sr-only rounded bg-amber-400 px-3 py-2 focus:not-sr-only";\n`)).toEqual([]);
  });
});
