import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { UsageFilter } from "./usage-filter";

const t = translator("en");
const people = [{ personId: 7, name: "Mario Rossi" }];

// UsageFilter is a plain server component: calling it gives its element tree.
describe("UsageFilter", () => {
  it("on a machine's page: person and period, each field in its label, the filter of the address chosen", () => {
    const html = renderToStaticMarkup(UsageFilter({ t, query: { person: "7", from: "2026-01-01" }, people }));
    expect(html).toContain(`aria-label="${t("mach.usage.filter")}"`);
    expect(html).toMatch(new RegExp(`<label class="flex flex-col">${t("mach.usage.person")}<select name="person"`));
    expect(html).toContain('<option value="7" selected="">Mario Rossi</option>');
    expect(html).toMatch(new RegExp(`<label class="flex flex-col">${t("mach.usage.from")}<input type="date"[^>]* name="from" value="2026-01-01"`));
    expect(html).toMatch(new RegExp(`<label class="flex flex-col">${t("mach.usage.to")}<input type="date"[^>]* name="to"`));
    expect(html).not.toContain('name="machine"');
  });

  it("in the usage report: the machine choice too, and the exports after the button", () => {
    const html = renderToStaticMarkup(UsageFilter({ t, query: { machine: "2" }, people, machines: [{ id: 2, name: "LASER 1" }], children: "exports" }));
    expect(html).toMatch(new RegExp(`<label class="flex flex-col">${t("mach.mine.machine")}<select name="machine"`));
    expect(html).toContain('<option value="2" selected="">LASER 1</option>');
    expect(html).toMatch(new RegExp(`${t("mach.usage.apply")}</button>exports</form>$`));
  });
});
