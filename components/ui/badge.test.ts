import { renderToStaticMarkup } from "react-dom/server";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { Badge } from "./badge";
import { sourceFiles, readSource, filesUsing } from "./testing/source-files";

describe("Badge", () => {
  it("is a small pill in its tone, with the spacing and attributes it is given", () => {
    expect(renderToStaticMarkup(Badge({ tone: "success", children: "Free" }))).toBe(
      `<span class="inline-block rounded px-2 py-0.5 text-xs font-medium bg-emerald-100 text-emerald-900">Free</span>`,
    );
    expect(renderToStaticMarkup(Badge({ tone: "light", size: "normal", "data-testid": "tile-state", children: "In use" } as Parameters<typeof Badge>[0]))).toBe(
      `<span class="inline-block rounded px-2 py-0.5 text-sm font-medium bg-white" data-testid="tile-state">In use</span>`,
    );
    expect(renderToStaticMarkup(Badge({ tone: "neutral", size: "text", className: "mr-2", children: "Closed" }))).toBe(
      `<span class="inline-block rounded px-2 py-0.5 font-semibold bg-slate-200 text-slate-800 mr-2">Closed</span>`,
    );
  });
});

/*
 * Every status pill is a Badge: no file in app/ or components/ writes a pill's classes (rounded with py-0.5 and a
 * ground colour) or a tint-and-text colour pair of its tones (bg-amber-100 text-amber-900) in a string of its own.
 */
function looksLikeBadge(classes: string): boolean {
  const pill = /\brounded\b/.test(classes) && /\bpy-0\.5\b/.test(classes) && /\bbg-[a-z]+(-\d+)?\b/.test(classes);
  // The tones' own pairs (the header's light current item, bg-slate-100 text-slate-900, is no badge).
  const tint = /\bbg-(emerald|amber|orange|red)-100\b.*\btext-\1-900\b|\bbg-slate-200\b.*\btext-slate-800\b/.test(classes);
  return pill || tint;
}

function handMadeBadges(file: string, text = readSource(file)): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      if (looksLikeBadge(node.getText())) found.push(`line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("badges are written once", () => {
  const files = sourceFiles({ withTs: true }).filter((file) => !file.startsWith("components/ui/"));

  it("finds the files that use it", () => {
    expect(filesUsing(files, "<Badge").length).toBeGreaterThanOrEqual(4);
  });

  it("no file writes a pill's classes or its tone's colours (write <Badge tone>)", () => {
    expect(files.flatMap((file) => handMadeBadges(file).map((where) => `${file}: ${where}`))).toEqual([]);
  });

  it("finds a pill and a tone map; not a button, a field or a notice box", () => {
    expect(handMadeBadges("a.tsx", `const A = () => <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">x</span>;\n`)).toEqual(["line 1"]);
    expect(handMadeBadges("a.ts", `const TONE = {\n  free: "bg-emerald-100 text-emerald-900",\n};\n`)).toEqual(["line 2"]);
    expect(handMadeBadges("a.tsx", 'const c = (open: boolean) => `rounded px-2 py-0.5 ${open ? "bg-emerald-100" : ""}`;\n')).toEqual(["line 1"]);
    expect(
      handMadeBadges("a.tsx", `const notice = "rounded border border-red-300 bg-red-50 px-3 py-2 text-red-900";\nconst f = "rounded border px-2 py-1";\n`),
    ).toEqual([]);
  });
});
