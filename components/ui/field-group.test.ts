import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormResultContext } from "../forms/form-result-context";
import { CheckboxField, FieldGroup, GroupInput } from "./field";

// A group the action reads as one field (its error key differs from the inputs' name): the refusal beside the group.
const group = (fieldErrors?: Record<string, string>) =>
  renderToStaticMarkup(
    createElement(
      FormResultContext.Provider,
      { value: fieldErrors ? { ok: false, code: "invalid", message: "x", fieldErrors } : null },
      createElement(
        FieldGroup,
        { name: "events", legend: "Events" },
        createElement(CheckboxField, { name: "event", id: "event-a", value: "a", label: "A" }),
        createElement(GroupInput, { type: "checkbox", name: "event", value: "b" }),
      ),
    ),
  );

describe("FieldGroup", () => {
  it("shows the group's refusal under its legend; the fieldset and each input are described by it and marked invalid", () => {
    const html = group({ events: "Events: choose at least one, please." });
    expect(html).toContain('<fieldset aria-describedby="group-events-error" aria-invalid="true"><legend');
    expect(html).toContain('<p id="group-events-error" class="mt-1 text-sm font-medium text-red-700">Events: choose at least one, please.</p>');
    const inputs = html.match(/<input [^>]*>/g) ?? [];
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      expect(input).toContain('aria-describedby="group-events-error"');
      expect(input).toContain('aria-invalid="true"');
    }
  });

  it("says nothing and marks nothing when the group was not refused", () => {
    const html = group({ url: "Address: please fill this in." });
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("aria-describedby");
    expect(html).not.toContain("group-events-error");
  });
});
