import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Select } from "./select";
import { inputClass } from "./styles";
import { sourceFiles, readSource, filesUsing } from "./testing/source-files";

describe("Select", () => {
  it("is a form's full-width field unless told, and passes on what it is given", () => {
    const option = createElement("option", { value: "de" }, "Deutsch");
    expect(renderToStaticMarkup(Select({ name: "lang", defaultValue: "de", children: option }))).toBe(
      `<select name="lang" class="${inputClass}"><option value="de" selected="">Deutsch</option></select>`,
    );
  });

  it("sits small beside a filter's other controls, with what the page adds", () => {
    expect(renderToStaticMarkup(Select({ look: "compact", className: "text-sm", name: "room" }))).toBe(
      `<select name="room" class="rounded border border-slate-300 bg-white px-2 py-1 focus:border-amber-700 focus:outline-none focus:ring-2 focus:ring-amber-700 text-sm"></select>`,
    );
  });
});

/* Every <select> is a Select (or a SelectField, which is one): no file in app/ or components/ writes its own. */

const withoutComments = (file: string) => readSource(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");

describe("selects are written once", () => {
  const files = sourceFiles();

  it("finds the files that use it", () => {
    expect(filesUsing(files, "<Select").length).toBeGreaterThanOrEqual(9);
  });

  it("no file but select.tsx writes a <select> (write <Select look?> or <SelectField>)", () => {
    const own = files.filter((file) => file !== "components/ui/select.tsx" && /<select[\s>]/.test(withoutComments(file)));
    expect(own).toEqual([]);
  });
});
