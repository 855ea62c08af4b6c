import { NextIntlClientProvider } from "next-intl";
import ts from "typescript";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { encodeKey } from "@/lib/i18n/keys";
import { ConfirmButton } from "./confirm-button";
import { sourceFiles, readSource, filesUsing } from "./testing/source-files";

// The form's status as React reports it to the buttons inside: not sent, unless a test sends it.
const form = vi.hoisted(() => ({ pending: false }));
vi.mock("react-dom", async (original) => ({
  ...(await original<typeof import("react-dom")>()),
  useFormStatus: () => ({ pending: form.pending, data: null, method: null, action: null }),
}));
afterEach(() => {
  form.pending = false;
});

const messages = {
  [encodeKey("form.confirm.undone")]: "This cannot be undone.",
  [encodeKey("form.confirm.back")]: "No, go back",
  [encodeKey("form.confirm.working")]: "Working on it…",
};
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

  it("says nothing under the question when its detail is empty (what can be undone)", () => {
    const html = render({ children: "Unlink partner", question: "Unlink Anna Gruber as partner?", detail: "" });
    expect(html).not.toContain("This cannot be undone.");
    expect(html).not.toContain("aria-describedby");
    expect(html).toContain(">Unlink Anna Gruber as partner?</p>");
  });

  it("while its form is sent, its yes is disabled and says so, and neither the button nor the way back can be used", () => {
    form.pending = true;
    const html = render({ children: "Delete", name: "intent", value: "delete" });
    expect(html).toMatch(/^<button type="submit" class="[^"]*" value="delete" disabled="" aria-haspopup="dialog" name="intent">Delete<\/button>/);
    const dialog = html.slice(html.indexOf("<dialog"));
    expect(dialog).toMatch(/<button type="button" class="[^"]*" autofocus="" disabled="">No, go back<\/button>/);
    expect(dialog).toMatch(
      /<button type="submit" class="[^"]*bg-red-700[^"]*" value="delete" disabled="" aria-busy="true" name="intent">Working on it…<\/button>/,
    );
  });

  it("is ready again once the form's answer is in", () => {
    form.pending = false;
    const html = render({ children: "Delete" });
    expect(html).not.toContain('disabled=""');
    expect(html).not.toContain("aria-busy");
    expect(html).not.toContain("Working on it…");
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
    expect(filesUsing(files, "<ConfirmButton").length).toBeGreaterThanOrEqual(25);
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

/*
 * A form whose action deletes, removes, revokes, ends, unlinks, withdraws or cancels asks first whatever its look:
 * its action's name says so (`deletePlanAction`, `end(holder.id)`, a component's `remove` prop), or its hidden
 * op/intent does (op=remove); its submit is a ConfirmButton, an ActionButton given `confirm`, or a DeleteButton, or
 * the form has a required confirm checkbox or a required reason (DeleteRecordForm, rejecting an applicant): typing
 * it is the asking.
 */
const DESTRUCTIVE = /^(delete|remove|revoke|end|erase|unlink|withdraw|unpair|cancel|reject|unregister)([A-Z]\w*)?$/;
const DESTRUCTIVE_INTENT = /^(delete|remove|revoke|end|erase|unlink)$/;

/** The name an action expression goes by: `x`, `x.bind(…)`, `x(…)`. */
function actionName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isCallExpression(expression)) {
    const callee = expression.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === "bind") return actionName(callee.expression);
    return actionName(callee);
  }
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isParenthesizedExpression(expression)) return actionName(expression.expression);
  return "";
}

function attribute(node: ts.JsxOpeningLikeElement, name: string): ts.JsxAttribute | undefined {
  return node.attributes.properties.find((p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === name);
}

function attributeText(node: ts.JsxOpeningLikeElement, name: string): string | undefined {
  const value = attribute(node, name)?.initializer;
  if (!value) return undefined;
  if (ts.isStringLiteral(value)) return value.text;
  return ts.isJsxExpression(value) && value.expression && ts.isStringLiteral(value.expression) ? value.expression.text : undefined;
}

function unaskedRemovals(file: string, text = readSource(file)): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const action = (node: ts.JsxOpeningLikeElement) => {
    const value = attribute(node, "action")?.initializer;
    return value && ts.isJsxExpression(value) && value.expression ? actionName(value.expression) : "";
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxElement(node) && ["form", "ActionForm"].includes(node.openingElement.tagName.getText())) {
      const inside = node.children.map((child) => child.getText()).join("\n");
      const hiddenIntent = [...inside.matchAll(/<input type="hidden" name="(?:op|intent)" value="(\w+)"/g)].some((m) => DESTRUCTIVE_INTENT.test(m[1] ?? ""));
      // A required "yes, do it" checkbox asks too (the end of the association year), and so does a required reason
      // typed first (rejecting an applicant).
      const asks =
        /<(ConfirmButton|DeleteButton)\b/.test(inside) ||
        /<CheckboxField\b(?=[^>]*\bname="confirm")(?=[^>]*\brequired\b)/.test(inside) ||
        /<(input|TextField)\b(?=[^>]*\bname="reason")(?=[^>]*\brequired\b)/.test(inside);
      if ((DESTRUCTIVE.test(action(node.openingElement)) || hiddenIntent) && !asks) found.push(`${action(node.openingElement) || "op"} line ${line(node)}`);
    }
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText() === "ActionButton") {
      if (DESTRUCTIVE.test(action(node)) && !attribute(node, "confirm")) found.push(`${action(node)} line ${line(node)}`);
    }
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && ["Button", "button", "SubmitButton"].includes(node.tagName.getText())) {
      const value = attributeText(node, "value");
      if (value && DESTRUCTIVE_INTENT.test(value) && attributeText(node, "type") !== "button") found.push(`${value} button line ${line(node)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("removals ask first, whatever their look", () => {
  const files = sourceFiles().filter((file) => !file.startsWith("components/ui/"));

  it("no form that deletes, removes, revokes, ends or cancels submits unasked (write <ConfirmButton question>)", () => {
    expect(files.flatMap((file) => unaskedRemovals(file).map((where) => `${file}: ${where}`))).toEqual([]);
  });

  it("finds a removal by its action's name, its hidden op or its button's value, and lets one that asks pass", () => {
    const of = (body: string) => unaskedRemovals("a.tsx", `export const A = () => (\n  <div>\n    ${body}\n  </div>\n);\n`);
    expect(of(`<ActionForm action={deletePlanAction}><SubmitButton>Delete</SubmitButton></ActionForm>`)).toEqual(["deletePlanAction line 3"]);
    expect(of(`<ActionForm action={end(h.id)}><Button look="secondary">End</Button></ActionForm>`)).toEqual(["end line 3"]);
    expect(of(`<form action={removeX.bind(null, 1)}><button>Remove</button></form>`)).toEqual(["removeX line 3"]);
    expect(of(`<ActionForm action={ownAddressAction}><input type="hidden" name="op" value="remove" /><Button>Remove</Button></ActionForm>`)).toEqual([
      "ownAddressAction line 3",
    ]);
    expect(of(`<ActionButton action={revokeFeedAction} label="Turn off" />`)).toEqual(["revokeFeedAction line 3"]);
    expect(of(`<Button type="submit" name="intent" value="remove" look="secondary">Remove logo</Button>`)).toEqual(["remove button line 3"]);
    expect(of(`<ActionForm action={deletePlanAction}><ConfirmButton question="Delete it?">Delete</ConfirmButton></ActionForm>`)).toEqual([]);
    expect(of(`<ActionButton action={revokeFeedAction} label="Turn off" confirm="Turn it off?" />`)).toEqual([]);
    expect(
      of(`<ActionForm action={endOfYearAction}><CheckboxField name="confirm" label="Yes" required /><SubmitButton>Run</SubmitButton></ActionForm>`),
    ).toEqual([]);
    expect(of(`<ActionForm action={endOfYearAction}><CheckboxField name="confirm" label="Yes" /><SubmitButton>Run</SubmitButton></ActionForm>`)).toEqual([
      "endOfYearAction line 3",
    ]);
    expect(of(`<ActionForm action={rejectApplicantAction}><input name="reason" required /><Button>Reject</Button></ActionForm>`)).toEqual([]);
    expect(of(`<ActionForm action={rejectApplicantAction}><input name="reason" /><Button>Reject</Button></ActionForm>`)).toEqual([
      "rejectApplicantAction line 3",
    ]);
    expect(of(`<ActionForm action={endorseAction}><SubmitButton>Endorse</SubmitButton></ActionForm>`)).toEqual([]);
    expect(of(`<ActionForm action={addPlanAction}><SubmitButton>Add</SubmitButton></ActionForm>`)).toEqual([]);
  });
});
