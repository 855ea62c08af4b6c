import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { PersonListRow } from "@/lib/domain/people/search-people";
import { translator } from "@/lib/i18n/translate";
import { PeopleTable } from "./people-table";

vi.mock("@/lib/i18n/server", () => ({ getT: async () => translator("en") }));

const rows: PersonListRow[] = Array.from({ length: 25 }, (_, i) => ({
  personId: 100 + i,
  memberNumber: 1000 + i,
  firstName: `Ada${i}`,
  lastName: "Lovelace",
  email: `ada${i}@example.org`,
  statusKey: "member",
  statusName: "Member",
}));

// The admin people list: 25 rows a page, each written twice into the page (HTML and the RSC payload of this server
// component's tree), so what is the same in every row is said once, on the table (6028d3a, issue 20).
describe("PeopleTable", () => {
  it("styles its cells from the table: no row carries a class of its own", async () => {
    const html = renderToStaticMarkup(await PeopleTable({ rows }));
    const body = html.slice(html.indexOf("<tbody>"));
    expect(body).toContain(
      '<tr><td>1000</td><td><a href="/admin/people/100">Ada0 Lovelace</a><span>ada0@example.org</span></td><td>ada0@example.org</td><td>Member</td></tr>',
    );
    expect(body).not.toContain("class=");
    // The number's font, the link's colours, the folded email and its column: once, as the table's descendant classes.
    const table = /<table class="([^"]*)"/.exec(html)![1]!;
    for (const cell of [
      "[&amp;_tbody_td:nth-child(1)]:font-mono",
      "[&amp;_tbody_a]:text-amber-800",
      "sm:[&amp;_tbody_td:nth-child(2)&gt;span]:hidden",
      "sm:[&amp;_tbody_td:nth-child(3)]:table-cell",
    ])
      expect(table).toContain(cell);
    // A row is its data and the cells' tags: ~145 bytes here (with a class on each cell, link and email: ~290).
    expect(body.length / rows.length).toBeLessThan(200);
  });
});
