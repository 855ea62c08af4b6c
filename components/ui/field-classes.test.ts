import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SelectField, TextAreaField, TextField } from "./field";

// A form's fields and labels carry one short class each (.field-input, .field-label in app/globals.css): a form page
// writes them for every field twice, HTML and RSC payload, and the admin person page has some forty (issue 20).
describe("a form's field classes", () => {
  it("are short classes whose looks live once in globals.css", () => {
    const html = renderToStaticMarkup(
      createElement("form", null, [
        createElement(TextField, { key: "a", label: "Name", name: "name" }),
        createElement(TextAreaField, { key: "b", label: "Notes", name: "notes" }),
        // eslint-disable-next-line react/no-children-prop -- SelectField requires its options as a prop in its type
        createElement(SelectField, { key: "c", label: "Type", name: "type", children: createElement("option", { value: "1" }, "One") }),
      ]),
    );
    expect(html.match(/class="field-input ?"/g)).toHaveLength(3);
    expect(html.match(/class="field-label"/g)).toHaveLength(3);
    expect(html).not.toContain("focus-within:");
    expect(html.length).toBeLessThan(1_000);

    const css = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
    expect(css).toMatch(/\.field-input \{\s*@apply block w-full rounded border border-slate-300 [^}]*aria-\[invalid=true\]:ring-red-700;/);
    expect(css).toMatch(/\.field-label \{\s*@apply mb-1 block text-sm font-medium text-slate-700;/);
  });
});
