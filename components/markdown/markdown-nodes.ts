import { createElement, Fragment, type ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "@/lib/markdown/parse-markdown";

/**
 * Member-written Markdown as React elements. Every string goes through React as a text child (escaped), links only
 * carry hrefs that safeHref accepted, and nothing is ever set as inner HTML.
 */
export function markdownToReact(source: string): ReactNode {
  return createElement(Fragment, null, ...parseMarkdown(source).map(block));
}

function block(b: Block, key: number): ReactNode {
  switch (b.type) {
    case "paragraph":
      return createElement("p", { key }, ...b.children.map(inline));
    case "code":
      return createElement("pre", { key, className: "overflow-x-auto rounded bg-slate-100 p-2 text-sm" }, createElement("code", null, b.value));
    case "list":
      return createElement(
        b.ordered ? "ol" : "ul",
        { key, className: b.ordered ? "list-decimal pl-6" : "list-disc pl-6" },
        ...b.items.map((item, i) => createElement("li", { key: i }, ...item.map(inline))),
      );
  }
}

function inline(n: Inline, key: number): ReactNode {
  switch (n.type) {
    case "text":
      return createElement(Fragment, { key }, n.value);
    case "break":
      return createElement("br", { key });
    case "code":
      return createElement("code", { key, className: "rounded bg-slate-100 px-1" }, n.value);
    case "em":
      return createElement("em", { key }, ...n.children.map(inline));
    case "strong":
      return createElement("strong", { key }, ...n.children.map(inline));
    case "link":
      return createElement("a", { key, href: n.href, rel: "nofollow noopener noreferrer ugc", className: "underline" }, ...n.children.map(inline));
  }
}
