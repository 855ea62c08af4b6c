import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Guarded } from "./widget";

// Guarded is an async server component: calling it resolves its element tree, which renders statically.
async function render(load: () => Promise<unknown>) {
  const element = await Guarded({
    name: "test",
    title: "Machines",
    unavailable: "Not available right now.",
    render: async () => createElement("p", null, String(await load())),
  });
  return renderToStaticMarkup(element as ReactElement);
}

describe("start page widgets", () => {
  it("show their content when the data loads", async () => {
    expect(await render(async () => "3 free")).toContain("<p>3 free</p>");
  });

  it("turn a failing query (e.g. a missing table) into a small note instead of breaking the page", async () => {
    const html = await render(async () => {
      throw new Error('relation "usage_sessions" does not exist');
    });
    expect(html).toContain("Machines");
    expect(html).toContain("Not available right now.");
    expect(html).not.toContain("usage_sessions");
  });
});
