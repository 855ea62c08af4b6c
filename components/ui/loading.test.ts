import { createElement } from "react";
import { renderToReadableStream, renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Loading, LoadingBoundary } from "./loading";
import { filesUsing, sourceFiles } from "./testing/source-files";

describe("Loading", () => {
  it("is a status that says what is loading, with bars hidden from screen readers", () => {
    const html = renderToStaticMarkup(createElement(Loading, { label: "Loading the roles …", lines: 2 }));
    expect(html).toMatch(/^<div role="status" aria-live="polite" class="[^"]*"><p class="[^"]*">Loading the roles …<\/p><div aria-hidden="true"/);
    expect(html.match(/animate-pulse/g)).toHaveLength(2);
  });
});

describe("LoadingBoundary", () => {
  it("sends the page's frame and the loading status first, and the slow part when its data is there", async () => {
    let arrive!: (value: string) => void;
    const data = new Promise<string>((resolve) => (arrive = resolve));
    async function SlowPart() {
      return createElement("p", null, `the part: ${await data}`);
    }
    const page = createElement(
      "main",
      null,
      createElement("h1", null, "Roles"),
      // The props type asks for children among them (createElement's overloads refuse them as a third argument).
      // eslint-disable-next-line react/no-children-prop
      createElement(LoadingBoundary, { label: "Loading …", children: createElement(SlowPart) }),
    );
    const stream = await renderToReadableStream(page);
    const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
    // The shell is complete without the data: React sends it (the frame and the fallback) as the first chunk.
    const first = (await reader.read()).value ?? "";
    expect(first).toContain("<h1>Roles</h1>");
    expect(first).toContain('role="status"');
    expect(first).toContain("Loading …");
    expect(first).not.toContain("the part:");

    arrive("12 roles");
    let rest = "";
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest += next.value;
    expect(rest).toContain("the part: 12 roles");
  });
});

/*
 * One way to stream: no route has a loading.tsx (it wraps the segment's page in Suspense, so the page's own guards —
 * redirect to the login, forbidden(), notFound() — would run after the 200 went out), and no file outside
 * components/ui writes a <Suspense> or a skeleton by hand (its fallback would lack the status screen readers hear).
 */
describe("streaming keeps status codes", () => {
  const files = sourceFiles({ withTs: true });

  it("has no loading.tsx in any route", () => {
    expect(files.filter((file) => file.startsWith("app/") && /\/loading\.tsx?$/.test(file))).toEqual([]);
  });

  it("finds the pages that stream a part", () => {
    expect(filesUsing(files, "<LoadingBoundary").length).toBeGreaterThanOrEqual(6);
  });

  it("refuses a hand-made Suspense or skeleton outside components/ui", () => {
    const made = filesUsing(
      files.filter((file) => !file.startsWith("components/ui/")),
      /<Suspense\b|\banimate-pulse\b/,
    );
    expect(made).toEqual([]);
  });
});
