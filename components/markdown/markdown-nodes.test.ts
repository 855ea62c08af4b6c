import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseMarkdown, safeHref } from "@/lib/markdown/parse-markdown";
import { markdownToReact } from "./markdown-nodes";

const html = (md: string) => renderToStaticMarkup(markdownToReact(md));

describe("markdownToReact", () => {
  it.each([
    ["paragraphs", "One\n\nTwo", "<p>One</p><p>Two</p>"],
    ["soft line break", "a\nb", "<p>a<br/>b</p>"],
    ["emphasis and strong", "*a* _b_ **c** __d__", "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>"],
    ["nested", "**bold *and em* here**", "<p><strong>bold <em>and em</em> here</strong></p>"],
    ["inline code keeps markers literal", "`*x* <b>`", '<p><code class="rounded bg-slate-100 px-1">*x* &lt;b&gt;</code></p>'],
    ["bullet list", "- one\n- two\n  more", '<ul class="list-disc pl-6"><li>one</li><li>two<br/>more</li></ul>'],
    ["numbered list", "1. a\n2. b", '<ol class="list-decimal pl-6"><li>a</li><li>b</li></ol>'],
    ["fenced code", "```\n<b>x</b>\n```", '<pre class="overflow-x-auto rounded bg-slate-100 p-2 text-sm"><code>&lt;b&gt;x&lt;/b&gt;</code></pre>'],
    [
      "http link",
      "[site](https://example.org/a?b=1&c=2)",
      '<p><a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener noreferrer ugc" class="underline">site</a></p>',
    ],
    [
      "mailto link",
      "[mail](mailto:info@example.org)",
      '<p><a href="mailto:info@example.org" rel="nofollow noopener noreferrer ugc" class="underline">mail</a></p>',
    ],
    ["escaped marker", "\\*not em\\*", "<p>*not em*</p>"],
    ["lone star", "2 * 3 = 6", "<p>2 * 3 = 6</p>"],
  ])("renders %s", (_name, md, expected) => {
    expect(html(md)).toBe(expected);
  });

  it("shows raw HTML and scripts as text, never as markup", () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>');
    expect(out).not.toMatch(/<script|<img|<a /i);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "/relative/path",
    "//evil.example/x",
    "file:///etc/passwd",
  ])("does not link %j: the label stays as plain text", (url) => {
    const out = html(`[click me](${url})`);
    expect(out).not.toContain("<a");
    expect(out).toContain("click me");
    expect(safeHref(url)).toBeNull();
  });

  it("accepts only http, https and mailto", () => {
    expect(safeHref("http://a.example")).toBe("http://a.example/");
    expect(safeHref("HTTPS://a.example/x")).toBe("https://a.example/x");
    expect(safeHref("mailto:x@y.example")).toBe("mailto:x@y.example");
  });

  it("parses a realistic description into blocks", () => {
    const blocks = parseMarkdown("Bring:\n\n- a laptop\n- **safety glasses**\n\nSee [the wiki](https://wiki.example/laser).");
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "list", "paragraph"]);
  });
});
