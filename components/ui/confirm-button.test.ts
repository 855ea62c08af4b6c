import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { encodeKey } from "@/lib/i18n/keys";
import { ConfirmButton } from "./confirm-button";
import { sourceFiles, readSource, filesUsing } from "./testing/source-files";

const messages = { [encodeKey("form.confirm.undone")]: "This cannot be undone.", [encodeKey("form.confirm.back")]: "No, go back" };
// The provider's props type asks for children among them (its overloads refuse a third argument).
const render = (props: Parameters<typeof ConfirmButton>[0]) =>
  // eslint-disable-next-line react/no-children-prop
  renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "en", timeZone: "UTC", messages, children: createElement(ConfirmButton, props) }));

describe("ConfirmButton", () => {
  it("is a button that opens a closed dialog named by its question, whose yes submits with the button's name and value", () => {
    const html = render({ children: "Delete", name: "intent", value: "delete" });
    expect(html).toMatch(/^<button type="submit" class="[^"]*text-red-800[^"]*" value="delete" aria-haspopup="dialog" name="intent">Delete<\/button>/);
    const dialog = html.slice(html.indexOf("<dialog"));
    expect(dialog).toMatch(
      /^<dialog aria-labelledby="(.+)-question" aria-describedby="\1-detail" class="m-auto [^"]*"><p id="\1-question" class="font-semibold">Delete<\/p>/,
    );
    expect(dialog).not.toContain(" open");
    expect(dialog).toContain(">This cannot be undone.</p>");
    expect(dialog).toMatch(/<button type="button" class="[^"]*border-slate-300[^"]*" autofocus="">No, go back<\/button>/);
    expect(dialog).toMatch(/<button type="submit" class="[^"]*bg-red-700[^"]*" value="delete" name="intent">Delete<\/button><\/div><\/dialog>$/);
  });

  it("asks the question it is given, with its own yes and no", () => {
    const html = render({ children: "Cancel booking", look: "secondary", question: "Cancel LASER 1, 15 Dec?", yes: "Yes, cancel it", no: "Keep it" });
    expect(html).toContain(">Cancel LASER 1, 15 Dec?</p>");
    expect(html).toContain(">Keep it</button>");
    expect(html).toContain(">Yes, cancel it</button>");
  });
});

/*
 * Every destructive submit (a button in the danger looks) asks first: no file in app/ or components/ writes a
 * <Button> or <button> in a danger look; it is a ConfirmButton.
 */

const UNASKED = /<(Button|button)\b[^>]*\blook=["{][^>]*\bdanger/;

describe("destructive buttons ask first", () => {
  const files = sourceFiles().filter((file) => !file.startsWith("components/ui/"));

  it("finds the forms that use it", () => {
    expect(filesUsing(files, "<ConfirmButton").length).toBeGreaterThanOrEqual(11);
  });

  it("no file writes a danger-look button that submits at once (write <ConfirmButton>)", () => {
    expect(files.filter((file) => UNASKED.test(readSource(file)))).toEqual([]);
  });

  it("finds a danger-look Button, not a ConfirmButton", () => {
    expect(UNASKED.test(`<Button type="submit" look="danger">Delete</Button>`)).toBe(true);
    expect(UNASKED.test(`<Button look={gone ? "dangerPrimary" : "primary"}>x</Button>`)).toBe(true);
    expect(UNASKED.test(`<ConfirmButton look="dangerPrimary">Erase</ConfirmButton>`)).toBe(false);
  });
});
