import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChangeTable } from "./change-table";

const labels = { field: "Field", before: "Before", after: "After" };

describe("ChangeTable", () => {
  it("is a table named for its entry, member-typed values escaped", () => {
    const html = renderToStaticMarkup(
      ChangeTable({
        rows: [{ field: "name", label: "Name", before: "Ann <b>", after: "Anna" }],
        label: "Changed fields: Person edited <x>, 3 Dec 10:04",
        labels,
      })!,
    );
    expect(html).toMatch(/^<div class="overflow-x-auto"><table class="[^"]*" aria-label="Changed fields: Person edited &lt;x&gt;, 3 Dec 10:04">/);
    expect(html).toContain("Ann &lt;b&gt;</td>");
  });

  it("is nothing when no field changed", () => {
    expect(ChangeTable({ rows: [], label: "Changed fields", labels })).toBeNull();
  });
});
