import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageTitle, pageTitleClass } from "./page-title";

// PageTitle is a plain component: calling it gives its element tree.
describe("PageTitle", () => {
  it("is the page's h1 in the shared look", () => {
    expect(renderToStaticMarkup(PageTitle({ children: "Locations" }))).toBe(`<h1 class="${pageTitleClass}">Locations</h1>`);
    expect(pageTitleClass).toBe("text-2xl font-bold");
  });

  it("carries an id when the page's landmark is named by its title", () => {
    expect(renderToStaticMarkup(PageTitle({ id: "person-name", children: "Ada" }))).toBe(`<h1 id="person-name" class="${pageTitleClass}">Ada</h1>`);
  });
});

/*
 * Every page title is a PageTitle: no page or component in app/ or components/ writes its own h1, except the two
 * titles below that look different on purpose.
 */
const root = path.resolve(import.meta.dirname, "../..");
const OWN_LOOK: Record<string, string> = {
  "app/(public)/page.tsx": "the start page's space name, larger on wide screens",
  "app/(admin)/admin/webhooks/[id]/page.tsx": "a webhook's address, in monospace and broken anywhere",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(rel);
    return /\.tsx$/.test(entry.name) && !entry.name.includes(".test.") ? [rel] : [];
  });
}

describe("page titles are written once", () => {
  const files = [...sourceFiles("app"), ...sourceFiles("components")];
  const withH1 = files.filter((file) => file !== "components/ui/page-title.tsx" && /<h1[\s>]/.test(fs.readFileSync(path.join(root, file), "utf8")));

  it("finds the pages that use it", () => {
    expect(files.filter((file) => fs.readFileSync(path.join(root, file), "utf8").includes("<PageTitle")).length).toBeGreaterThan(80);
  });

  it("no file but PageTitle writes an h1 (write <PageTitle>…</PageTitle>)", () => {
    expect(withH1.sort()).toEqual(Object.keys(OWN_LOOK).sort());
  });

  it("no file copies the title's class string", () => {
    const copies = files.filter(
      (file) => file !== "components/ui/page-title.tsx" && fs.readFileSync(path.join(root, file), "utf8").includes(`"${pageTitleClass}"`),
    );
    expect(copies).toEqual([]);
  });
});
